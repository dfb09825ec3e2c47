using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Data.Configuration;
using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary>
/// Migration runs stopped dead (SIGKILL, as <c>kill -9</c>) at fixed points through the <c>STRATA_TEST_KILL_AT</c>
/// hook, then a plain migrate: it must finish, leave history and log in agreement, verify clean and no lock behind.
/// Rolling a module back to zero and migrating again belongs here too: it used to leave every later run failing.
/// </summary>
public sealed class MigrationRecoveryTests(CliTestDatabases databases)
{
    private const string KillVariable = "STRATA_TEST_KILL_AT";

    // The CLI host migrates auth (3 migrations), catalog (4), widgets (2), gadgets (1), in that order.
    // Each point is fixed, so every run of this test kills at the same place.
    public static TheoryData<DatabaseProvider, string, string[]> SeededKillPoints()
    {
        var data = new TheoryData<DatabaseProvider, string, string[]>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            data.Add(provider, "lock-acquired:1", ["db", "migrate"]);               // holding the lock, nothing done yet
            data.Add(provider, "migration-committed:1", ["db", "migrate"]);         // auth Initial committed by EF, not logged: mid-module
            data.Add(provider, "migration-logged:8", ["db", "migrate"]);            // widgets Initial logged, AddColour not applied
            data.Add(provider, "migration-committed:10", ["db", "migrate"]);         // the last migration committed, not logged; no scripts, no grants
            data.Add(provider, "migration-committed:1", ["db", "rollback", "--module", "widgets", "--steps", "1"]); // a revert committed, not logged
        }

        return data;
    }

    [Theory(Timeout = 180_000), MemberData(nameof(SeededKillPoints))]
    public async Task A_run_killed_at_a_seeded_point_is_finished_by_the_next_migrate(DatabaseProvider provider, string killAt, string[] command)
    {
        await using var db = command[1] == "migrate" ? await databases.EmptyAsync(provider) : await databases.FreshAsync(provider);

        var killed = await StrataProcess.RunWithSeparateRolesAsync(db, new Dictionary<string, string> { [KillVariable] = killAt }, command);
        var migrate = await StrataProcess.RunWithSeparateRolesAsync(db, variables: null, "db", "migrate");
        var verify = await StrataProcess.RunWithSeparateRolesAsync(db, variables: null, "db", "verify");

        Assert.True(killed.ExitCode != 0 && killed.Error.Contains($"{KillVariable}={killAt}", StringComparison.Ordinal), killed.ToString());
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.True(verify.ExitCode == 0, verify.ToString());
        foreach (var module in new[] { "auth", "catalog", "widgets", "gadgets" })
        {
            Assert.Equal(await HistoryAsync(db, module), await LoggedAsAppliedAsync(db, module));
        }

        Assert.False(await LockIsHeldAsync(db));
    }

    [Theory, BothProviders]
    public async Task Rolling_a_module_back_to_zero_then_migrating_every_module_succeeds(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var rollback = await StrataProcess.RunWithSeparateRolesAsync(db, variables: null, "db", "rollback", "--module", "catalog", "--steps", "4");
        var migrate = await StrataProcess.RunWithSeparateRolesAsync(db, variables: null, "db", "migrate");
        var status = await StrataProcess.RunWithSeparateRolesAsync(db, variables: null, "db", "status");

        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains("0 applied, 4 reverted", rollback.Output, StringComparison.Ordinal);
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.Contains("4 applied, 0 reverted", migrate.Output, StringComparison.Ordinal);
        Assert.Matches(@"catalog\s+│\s+\w+\s+│\s+4\s+│\s+0", status.Output);
    }

    [Theory, BothProviders]
    public async Task Rolling_back_to_0_reverts_every_migration_of_the_module(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var rollback = await StrataProcess.RunWithSeparateRolesAsync(db, variables: null, "db", "rollback", "--module", "catalog", "--to", "0");

        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Empty(await HistoryAsync(db, "catalog"));
    }

    private static string History(TestDatabase db, string module) =>
        db.Provider == DatabaseProvider.Postgres ? $"{module}.__migrations" : $"{module}__migrations";

    private static string Log(TestDatabase db) => db.Provider == DatabaseProvider.Postgres ? "strata.migration_log" : "strata_migration_log";

    private static Task<List<string>> HistoryAsync(TestDatabase db, string module) =>
        ColumnAsync(db, $"SELECT \"MigrationId\" FROM {History(db, module)} ORDER BY 1");

    // A migration counts as logged when its newest log row says applied.
    private static Task<List<string>> LoggedAsAppliedAsync(TestDatabase db, string module) => ColumnAsync(db,
        $"SELECT migration FROM {Log(db)} l WHERE module = '{module}' AND action = 'applied' " +
        $"AND id = (SELECT max(id) FROM {Log(db)} WHERE module = l.module AND migration = l.migration) ORDER BY 1");

    private static async Task<List<string>> ColumnAsync(TestDatabase db, string sql)
    {
        var connection = db.Session.Connection;
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task<bool> LockIsHeldAsync(TestDatabase db)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", connection);
            return (long)(await command.ExecuteScalarAsync())! > 0;
        }

        var lockFile = Path.GetFullPath(new SqliteConnectionStringBuilder(db.ConnectionString).DataSource + ".migrate.lock");
        try
        {
            await using (new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
            {
            }
        }
        catch (IOException)
        {
            return true;
        }

        var efLock = await ColumnAsync(db, "SELECT CAST(count(*) AS TEXT) FROM sqlite_master WHERE name = '__EFMigrationsLock'");
        return efLock[0] != "0" && (await ColumnAsync(db, "SELECT CAST(count(*) AS TEXT) FROM \"__EFMigrationsLock\""))[0] != "0";
    }
}
