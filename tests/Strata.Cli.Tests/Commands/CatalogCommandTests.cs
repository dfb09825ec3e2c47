using System.Text.RegularExpressions;
using Strata.Data.Configuration;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

/// <summary><c>strata catalog …</c> as a real process: the vehicle hierarchy written from the command line, audited without an actor.</summary>
public sealed partial class CatalogCommandTests(CliTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Hierarchy_writes_from_the_cli_are_audited_without_an_actor(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var manufacturer = await RunForIdAsync(db, "catalog", "manufacturers", "add", "--name", "Tatra", "--country", "CZ");
        var model = await RunForIdAsync(db, "catalog", "models", "add", "--manufacturer", manufacturer, "--name", "603");
        await RunForIdAsync(db, "catalog", "variations", "add", "--model", model, "--year-from", "1956", "--year-to", "1975");
        await RunForIdAsync(db, "catalog", "manufacturers", "update", "--id", manufacturer, "--name", "Tatra", "--country", "CS");

        var audit = db.Table("catalog", "vehicle_hierarchy_audit");
        Assert.Equal(4, await db.ScalarAsync<long>($"SELECT count(*) FROM {audit} WHERE actor_id IS NULL"));
        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT count(*) FROM {audit} WHERE entity_type = 'manufacturer' AND action = 'updated'"));
    }

    [Theory, BothProviders]
    public async Task A_refused_cli_write_exits_1_with_the_error_code(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var manufacturer = await RunForIdAsync(db, "catalog", "manufacturers", "add", "--name", "Skoda");
        await RunForIdAsync(db, "catalog", "models", "add", "--manufacturer", manufacturer, "--name", "Octavia");

        var result = await StrataProcess.RunAsync(db, "catalog", "manufacturers", "delete", "--id", manufacturer);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("(catalog.has_children)", result.Error, StringComparison.Ordinal);
    }

    private static async Task<string> RunForIdAsync(TestDatabase db, params string[] arguments)
    {
        var result = await StrataProcess.RunAsync(db, arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        return Guid().Match(result.Output).Value;
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();
}
