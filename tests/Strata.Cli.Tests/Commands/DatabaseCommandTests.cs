using System.Text.RegularExpressions;
using Strata.Data.Configuration;
using Strata.Modules.Auth.Seed;
using Strata.Modules.Auth.Services;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed partial class DatabaseCommandTests(CliTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Migrate_applies_every_migration_and_reports_them(DatabaseProvider provider)
    {
        await using var db = await databases.EmptyAsync(provider);

        var result = await StrataProcess.RunAsync(db, "db", "migrate");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("applied  widgets ", result.Output, StringComparison.Ordinal);
        Assert.Contains("_AddColour", result.Output, StringComparison.Ordinal);
        // auth 2, catalog 1, widgets 2, gadgets 1
        Assert.Contains("10 applied, 0 reverted", result.Output, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Status_shows_a_row_per_module(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var result = await StrataProcess.RunAsync(db, "db", "status");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches($@"widgets\s+│\s+{provider}\s+│\s+2\s+│\s+0", result.Output);
        Assert.Matches($@"gadgets\s+│\s+{provider}\s+│\s+1\s+│\s+0", result.Output);
    }

    [Theory, BothProviders]
    public async Task Rollback_by_steps_then_to_a_name_then_migrate_again(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var bySteps = await StrataProcess.RunAsync(db, "db", "rollback", "--module", "widgets", "--steps", "1");
        var migrate = await StrataProcess.RunAsync(db, "db", "migrate", "--module", "widgets");
        var toName = await StrataProcess.RunAsync(db, "db", "rollback", "--module", "widgets", "--to", "Initial");
        var status = await StrataProcess.RunAsync(db, "db", "status");

        Assert.True(bySteps.ExitCode == 0, bySteps.ToString());
        Assert.Contains("reverted widgets ", bySteps.Output, StringComparison.Ordinal);
        Assert.Contains("1 applied, 0 reverted", migrate.Output, StringComparison.Ordinal);
        Assert.Contains("0 applied, 1 reverted", toName.Output, StringComparison.Ordinal);
        Assert.Matches(@"widgets\s+│\s+\w+\s+│\s+1\s+│\s+1", status.Output);
    }

    [Theory, BothProviders]
    public async Task Verify_passes_at_head_and_fails_with_one_line_per_finding(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var clean = await StrataProcess.RunAsync(db, "db", "verify");
        await db.ScalarAsync<long>($"ALTER TABLE {db.Table("widgets", "widgets")} ADD COLUMN handmade integer; SELECT 1");

        var drifted = await StrataProcess.RunAsync(db, "db", "verify");

        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Contains("The database matches the code.", clean.Output, StringComparison.Ordinal);
        Assert.Equal(1, drifted.ExitCode);
        Assert.Equal(
            $"widgets: table {(provider == DatabaseProvider.Postgres ? "widgets" : "widgets_widgets")}: column handmade is in the database but not in the model",
            drifted.Output.Trim());
    }

    [Theory, BothProviders]
    public async Task Seed_writes_reference_and_demo_data(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var result = await StrataProcess.RunAsync(db, "db", "seed", "--demo", "--size", "5");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(5, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("widgets", "widgets")}"));
        Assert.Equal(3, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("widgets", "categories")}"));
        Assert.Equal(5, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("catalog", "parts")}"));
        Assert.Contains("demo data (5 parts, seed 42)", result.Output, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Seed_demo_prints_passwords_the_demo_users_sign_in_with(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var result = await StrataProcess.RunAsync(db, "db", "seed", "--demo", "--size", "20", "--seed", "3");

        Assert.True(result.ExitCode == 0, result.ToString());
        var printed = PrintedPassword().Matches(result.Output).ToDictionary(m => m.Groups["email"].Value, m => m.Groups["password"].Value);
        Assert.Equal(AuthDemoUsers.For(3).Select(u => u.Email).Order(StringComparer.Ordinal), printed.Keys.Order(StringComparer.Ordinal));
        foreach (var (email, password) in printed)
        {
            Assert.Equal(email, (await db.Get<IPasswordSignIn>().SignInAsync(email, password, ClientInfo.None)).User.Email);
        }

        Assert.DoesNotContain(printed.Values.First(), result.Error, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Seed_demo_is_refused_in_production(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var result = await StrataProcess.RunAsync(
            ["db", "seed", "--demo", "--provider", provider.ToString(), "--connection", db.ConnectionString], environment: "Production");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("refused in Production", result.Error, StringComparison.Ordinal);
        Assert.Contains("(seeding.demo_refused)", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("auth", "users")}"));
    }

    [Theory, BothProviders]
    public async Task Script_prints_the_sql_of_a_range(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var result = await StrataProcess.RunAsync(db, "db", "script", "--module", "widgets", "--from", "Initial");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("colour", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CREATE TABLE", result.Output, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Reset_drops_and_migrates_outside_production(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await StrataProcess.RunAsync(db, "db", "seed", "--demo", "--size", "3");

        var result = await StrataProcess.RunAsync(db, "db", "reset", "--force");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("widgets", "widgets")}"));
    }

    [Theory, BothProviders]
    public async Task Reset_is_refused_in_production(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var result = await StrataProcess.RunAsync(
            ["db", "reset", "--force", "--provider", provider.ToString(), "--connection", db.ConnectionString], environment: "Production");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("refused in Production", result.Error, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task A_failure_is_one_line_unless_verbose(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var terse = await StrataProcess.RunAsync(db, "db", "migrate", "--module", "sprockets");
        var verbose = await StrataProcess.RunAsync(db, "db", "migrate", "--module", "sprockets", "--verbose");

        Assert.Equal(1, terse.ExitCode);
        Assert.Equal("error: No module is called 'sprockets'. Modules: auth, catalog, widgets, gadgets. (migrations.unknown_module)", terse.Error.Trim());
        Assert.Equal(1, verbose.ExitCode);
        Assert.Contains("   at ", verbose.Error, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Create_admin_reads_the_password_from_stdin_and_grants_the_admin_role(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await StrataProcess.RunAsync(db, "db", "seed");
        var email = $"admin-{Guid.NewGuid():N}@example.com";

        var result = await StrataProcess.RunAsync(
            ["users", "create-admin", "--email", email, "--password-stdin", "--provider", provider.ToString(), "--connection", db.ConnectionString],
            standardInput: "a long admin passphrase\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Created administrator {email}", result.Output, StringComparison.Ordinal);
        Assert.Equal(1, await db.ScalarAsync<long>(
            $"SELECT count(*) FROM {db.Table("auth", "user_roles")} ur JOIN {db.Table("auth", "roles")} r ON r.id = ur.role_id WHERE r.name = 'admin'"));
        Assert.DoesNotContain("a long admin passphrase", await db.ScalarAsync<string>($"SELECT password_hash FROM {db.Table("auth", "accounts")}"), StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Create_admin_refuses_a_short_password(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await StrataProcess.RunAsync(db, "db", "seed");

        var result = await StrataProcess.RunAsync(
            ["users", "create-admin", "--email", "short@example.com", "--password-stdin", "--provider", provider.ToString(), "--connection", db.ConnectionString],
            standardInput: "short\n");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("(auth.weak_password)", result.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<email>[a-z.]+@demo\.example)(?: \(admin\))? password: (?<password>[A-Za-z0-9]+)")]
    private static partial Regex PrintedPassword();
}
