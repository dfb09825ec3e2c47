using System.Globalization;
using System.Text;
using Strata.Data.Configuration;
using Strata.Modules.Catalog.Services;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

/// <summary><c>strata catalog import FILE</c> as a real process: a generated file of 100 000 parts, reports and exit codes.</summary>
public sealed class CatalogImportCommandTests(CliTestDatabases databases)
{
    private const int MediumFile = 100_000;

    [Theory, BothProviders]
    public async Task A_generated_medium_file_is_imported_whole_and_a_second_import_changes_nothing(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);
        var file = await WriteCsvAsync(Enumerable.Range(0, MediumFile).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"Bosch,BP-{i:000000},Brake pad {i % 977},Brakes > Pads,Ceramic pad number {i},")));

        var first = await ImportAsync(db, file);
        var second = await ImportAsync(db, file);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("completed", first.Output, StringComparison.Ordinal);
        Assert.Contains("100,000", first.Output, StringComparison.Ordinal);
        Assert.Equal(MediumFile, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("catalog", "parts")}"));
        Assert.True(second.ExitCode == 0, second.ToString());
        var run = Assert.Single((await db.Get<IPartImports>().ListRunsAsync(new Data.Repositories.KeysetRequest(1))).Items);
        Assert.Equal((0L, 0L, (long)MediumFile, Path.GetFileName(file)), (run.Inserted, run.Updated, run.Unchanged, run.SourceName));
    }

    [Theory, BothProviders]
    public async Task Rejected_rows_are_printed_with_their_lines_and_the_import_exits_1(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);
        var file = await WriteCsvAsync(["Bosch,BP-1,Brake pad,Brakes > Pads,,", "Nobody,BP-2,Brake pad,Brakes > Pads,,"]);

        var result = await ImportAsync(db, file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("completed_with_rejections", result.Output, StringComparison.Ordinal);
        Assert.Contains("catalog.unknown_manufacturer", result.Output, StringComparison.Ordinal);
        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("catalog", "parts")}"));
    }

    [Theory, BothProviders]
    public async Task All_or_nothing_imports_nothing_from_a_file_with_a_bad_row(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);
        var file = await WriteCsvAsync(["Bosch,BP-1,Brake pad,Brakes > Pads,,", "Nobody,BP-2,Brake pad,Brakes > Pads,,"]);

        var result = await ImportAsync(db, file, "--all-or-nothing");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("refused", result.Output, StringComparison.Ordinal);
        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("catalog", "parts")}"));
    }

    [Fact]
    public async Task A_file_without_a_known_extension_needs_the_format()
    {
        var file = Path.ChangeExtension(await WriteCsvAsync([]), ".txt");

        var result = await StrataProcess.RunAsync(["catalog", "import", file]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--format", result.Error + result.Output, StringComparison.Ordinal);
    }

    private static Task<CliResult> ImportAsync(TestDatabase db, string file, params string[] options) =>
        StrataProcess.RunAsync(["catalog", "import", file, .. options, "--provider", db.Provider.ToString(), "--connection", db.ConnectionString], timeout: TimeSpan.FromMinutes(5));

    private static async Task<string> WriteCsvAsync(IEnumerable<string> rows)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("strata-import-").FullName, "parts.csv");
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        await writer.WriteLineAsync("manufacturer,partNumber,name,category,description,attributes");
        foreach (var row in rows)
        {
            await writer.WriteLineAsync(row);
        }

        return path;
    }

    private static async Task ShopAsync(TestDatabase db)
    {
        var brakes = await db.Get<IPartCatalog>().CreateCategoryAsync("Brakes", null);
        await db.Get<IPartCatalog>().CreateCategoryAsync("Pads", brakes.Id);
        await db.Get<IManufacturerCatalog>().CreateManufacturerAsync(new ManufacturerInput("Bosch", "DE"));
    }
}
