using Microsoft.Data.Sqlite;
using Strata.Data.Configuration;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

/// <summary>Commands whose behaviour differs by provider: idempotent scripts and the migration lock.</summary>
public sealed class ProviderSpecificCommandTests(CliTestDatabases databases)
{
    [Fact]
    public async Task An_idempotent_script_guards_each_migration_on_postgres()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);

        var result = await StrataProcess.RunAsync(db, "db", "script", "--module", "widgets", "--idempotent");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("IF NOT EXISTS(SELECT 1 FROM widgets.__migrations", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idempotent_script_is_refused_on_sqlite()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Sqlite);

        var result = await StrataProcess.RunAsync(db, "db", "script", "--module", "widgets", "--idempotent");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("(migrations.idempotent_unsupported)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Four_concurrent_migrator_processes_apply_each_migration_once_on_postgres()
    {
        await using var db = await databases.EmptyAsync(DatabaseProvider.Postgres);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => StrataProcess.RunAsync(db, "db", "migrate")));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
        // auth 3, catalog 4, widgets 2, gadgets 1, each applied by exactly one process
        Assert.Equal(10, results.Sum(r => int.Parse(r.Output[(r.Output.LastIndexOf('\n', r.Output.Length - 2) + 1)..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(2, await db.ScalarAsync<long>("SELECT count(*) FROM widgets.__migrations"));
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT count(*) FROM gadgets.__migrations"));
    }

    [Fact(Timeout = 180_000)]
    public async Task A_migrator_killed_mid_run_leaves_nothing_that_blocks_a_plain_migrate_on_sqlite()
    {
        await using var db = await databases.EmptyAsync(DatabaseProvider.Sqlite);
        var lockFile = Path.GetFullPath(new SqliteConnectionStringBuilder(db.ConnectionString).DataSource + ".migrate.lock");
        using var holder = await FileLockHolder.StartAsync(lockFile);
        using var migrator = StrataProcess.Start(["db", "migrate", "--provider", "Sqlite", "--connection", db.ConnectionString]);
        await db.ScalarAsync<long>(
            "CREATE TABLE IF NOT EXISTS \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY, \"Timestamp\" TEXT NOT NULL);" +
            "INSERT INTO \"__EFMigrationsLock\" VALUES (1, '2026-01-01 00:00:00'); SELECT 1");

        migrator.Kill(entireProcessTree: true);
        holder.Kill(entireProcessTree: true);
        await Task.WhenAll(migrator.WaitForExitAsync(), holder.WaitForExitAsync());
        var result = await StrataProcess.RunAsync(db, "db", "migrate");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("10 applied", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_migration_runs_dotnet_ef_once_per_provider_context()
    {
        var project = Path.Combine(Path.GetTempPath(), "Strata.TestModules.csproj");

        var result = await StrataProcess.RunAsync(["db", "add-migration", "widgets", "AddSize", "--project", project, "--migrations-folder", "Widgets/Migrations", "--dry-run"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                $"dotnet ef migrations add AddSize --project {project} --context WidgetsSqliteDbContext --output-dir Widgets/Migrations/Sqlite",
                $"dotnet ef migrations add AddSize --project {project} --context WidgetsPostgresDbContext --output-dir Widgets/Migrations/Postgres",
            ],
            result.Output.Trim().Split('\n'));
    }

    [Fact]
    public async Task Add_migration_without_the_module_project_in_reach_says_where_it_looked()
    {
        var result = await StrataProcess.RunAsync(["db", "add-migration", "widgets", "AddSize", "--dry-run"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No Strata.TestModules.csproj under", result.Error, StringComparison.Ordinal);
    }
}
