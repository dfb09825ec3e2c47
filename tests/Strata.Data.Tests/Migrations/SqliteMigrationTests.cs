using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Data.Migrations;
using Strata.Testing;

namespace Strata.Data.Tests.Migrations;

/// <summary>The SQLite migration lock: an OS file lock beside the database, and recovery after a killed migrator.</summary>
public sealed class SqliteMigrationTests(DataTestDatabases databases)
{
    [Fact]
    public async Task A_run_waits_for_the_lock_and_gives_up_with_a_clear_error()
    {
        await using var db = await databases.EmptyAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Strata:Database:MigrationLockTimeoutSeconds"] = "1" });
        using var holder = await HoldLockInAnotherProcessAsync(db);

        var error = await Assert.ThrowsAsync<TransientDatabaseError>(() => db.Root.GetRequiredService<StrataMigrator>().MigrateAsync());

        Assert.Equal("migrations.locked", error.Code);
        holder.Kill(entireProcessTree: true);
    }

    [Fact]
    public async Task A_run_waiting_for_the_lock_says_which_process_holds_it()
    {
        var logs = new CapturedLogs();
        await using var db = await databases.FreshAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["Strata:Database:MigrationLockTimeoutSeconds"] = "1" },
            services => services.AddLogging(logging => logging.AddProvider(logs)));
        await using var holder = await HoldLockInThisProcessAsync(db);

        var error = await Assert.ThrowsAsync<TransientDatabaseError>(() => db.Root.GetRequiredService<StrataMigrator>().MigrateAsync());

        var holderText = $"pid {Environment.ProcessId} on {Environment.MachineName}";
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Waiting for the migration lock", StringComparison.Ordinal) && e.Message.Contains(holderText, StringComparison.Ordinal));
        Assert.Contains(holderText, error.Message, StringComparison.Ordinal);
    }

    // Without the clean-up EF would wait on the stale row forever: the timeout turns that hang into a failure.
    [Fact(Timeout = 120_000)]
    public async Task A_killed_migrator_leaves_nothing_that_blocks_the_next_run()
    {
        await using var db = await databases.EmptyAsync(DatabaseProvider.Sqlite);
        using var holder = await HoldLockInAnotherProcessAsync(db);
        await LeaveStaleEfLockRowAsync(db);

        holder.Kill(entireProcessTree: true);
        await holder.WaitForExitAsync();
        var run = await db.Root.GetRequiredService<StrataMigrator>().MigrateAsync();

        Assert.Equal(3, run.Applied.Count);
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM \"__EFMigrationsLock\""));
    }

    private static async Task<MigrationLock> HoldLockInThisProcessAsync(TestDatabase db)
    {
        await using var scope = db.CreateScope();
        var session = scope.ServiceProvider.GetRequiredService<Strata.Data.Sessions.DatabaseSession>();
        await session.Connection.OpenAsync();
        return await MigrationLock.AcquireAsync(
            db.Root.GetRequiredService<Strata.Data.Sessions.DatabaseConnectionFactory>(),
            db.Root.GetRequiredService<Microsoft.Extensions.Options.IOptions<StrataDatabaseOptions>>().Value,
            session.Connection, TimeSpan.FromSeconds(5), NullLogger.Instance, CancellationToken.None);
    }

    private static string LockFile(TestDatabase db) => new SqliteConnectionStringBuilder(db.ConnectionString).DataSource + ".migrate.lock";

    private static Task<Process> HoldLockInAnotherProcessAsync(TestDatabase db) => FileLockHolder.StartAsync(Path.GetFullPath(LockFile(db)));

    // What EF leaves when it dies inside MigrateAsync: its lock table with the row it inserted.
    private static Task<long> LeaveStaleEfLockRowAsync(TestDatabase db) => db.ScalarAsync<long>(
        "CREATE TABLE IF NOT EXISTS \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY, \"Timestamp\" TEXT NOT NULL);" +
        "INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-01-01 00:00:00'); SELECT 1");
}
