using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Data.Sessions;

namespace Strata.Data.Migrations;

/// <summary>
/// The one lock a whole migration run holds, so concurrent migrators (several instances starting at once, a CLI and
/// an API) apply each migration exactly once. PostgreSQL: a session advisory lock on a dedicated owner connection.
/// SQLite: an exclusive OS lock on a file beside the database, with the holder's pid, host and start time written to
/// a second file beside it (the locked file cannot be read by a waiter). Both locks vanish with the process that
/// held them, so a killed migrator never leaves a lock behind; on SQLite the run then clears the
/// <c>__EFMigrationsLock</c> row a killed EF may have left (EF would wait on it forever). A run that has to wait says
/// who holds the lock, at once and every <see cref="ReportInterval"/>.
/// </summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    /// <summary>An arbitrary, fixed key: every Strata migrator of a database contends for the same one ("StrataM").</summary>
    public const long AdvisoryLockKey = 0x5374726174614D;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(30);

    private readonly DbConnection? _postgres;
    private readonly FileStream? _file;
    private readonly string? _holderFile;

    private MigrationLock(DbConnection? postgres, FileStream? file, string? holderFile)
    {
        _postgres = postgres;
        _file = file;
        _holderFile = holderFile;
    }

    /// <summary>Waits for the lock up to <paramref name="timeout"/>; a <see cref="TransientDatabaseError"/> naming the holder when another run keeps it.</summary>
    public static async Task<MigrationLock> AcquireAsync(
        DatabaseConnectionFactory connections, StrataDatabaseOptions options, DbConnection sessionConnection, TimeSpan timeout, ILogger logger,
        CancellationToken cancellationToken) =>
        await TakeAsync(connections, options, sessionConnection, new Wait(timeout, logger), cancellationToken)
        ?? throw new InvalidOperationException("A waiting lock acquisition returns the lock or throws.");

    /// <summary>The lock if no other run holds it right now, otherwise null (no waiting, no message).</summary>
    public static Task<MigrationLock?> TryAcquireAsync(
        DatabaseConnectionFactory connections, StrataDatabaseOptions options, DbConnection sessionConnection, CancellationToken cancellationToken) =>
        TakeAsync(connections, options, sessionConnection, wait: null, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            // Closing the session releases the advisory lock too; unlocking first returns the pooled connection clean.
            await SqlCommands.ExecuteAsync(_postgres, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", AdvisoryLockKey));
            await _postgres.DisposeAsync();
        }

        if (_file is not null)
        {
            File.Delete(_holderFile!);
            await _file.DisposeAsync();
        }
    }

    private static async Task<MigrationLock?> TakeAsync(
        DatabaseConnectionFactory connections, StrataDatabaseOptions options, DbConnection sessionConnection, Wait? wait, CancellationToken cancellationToken)
    {
        if (connections.Provider == DatabaseProvider.Postgres)
        {
            var connection = connections.Create(DatabaseRole.Owner);
            try
            {
                while (!Convert.ToBoolean(await SqlCommands.ScalarAsync(connection, "SELECT pg_try_advisory_lock(@key)", cancellationToken, ("key", AdvisoryLockKey)),
                           CultureInfo.InvariantCulture))
                {
                    if (wait is null)
                    {
                        await connection.DisposeAsync();
                        return null;
                    }

                    await wait.OrGiveUpAsync(() => PostgresHolderAsync(connection, cancellationToken), cancellationToken);
                }
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }

            return new MigrationLock(connection, null, null);
        }

        var path = LockFilePath(options.OwnerConnectionString);
        var holderFile = path + ".holder";
        FileStream? file = null;
        while (file is null)
        {
            try
            {
                // FileShare.None takes an exclusive flock() on Unix (a sharing lock on Windows); the OS drops it with the process.
                file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                if (wait is null)
                {
                    return null;
                }

                await wait.OrGiveUpAsync(() => Task.FromResult(SqliteHolder(holderFile)), cancellationToken);
            }
            catch (UnauthorizedAccessException) when (wait is null)
            {
                // A folder this user may not write (status on a read-only deployment): no lock, so nothing to reconcile with.
                return null;
            }
        }

        await File.WriteAllTextAsync(holderFile, string.Create(CultureInfo.InvariantCulture,
            $"pid {Environment.ProcessId} on {Environment.MachineName} since {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC"), cancellationToken);
        await ClearStaleEfLockAsync(sessionConnection, cancellationToken);
        return new MigrationLock(null, file, holderFile);
    }

    // The session holding the advisory lock. Its last statement is the one that took the lock (the connection runs
    // nothing else until it unlocks), so query_start is when it was taken.
    private static async Task<string> PostgresHolderAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var holders = await SqlCommands.RowsAsync(connection, """
            SELECT a.pid, coalesce(a.application_name, ''), coalesce(host(a.client_addr), 'local socket'),
                   coalesce(to_char(a.query_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), '?')
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.classid::bigint = @high AND l.objid::bigint = @low AND l.objsubid = 1
            """, cancellationToken, ("high", AdvisoryLockKey >> 32), ("low", AdvisoryLockKey & 0xFFFFFFFF));
        return holders.Count == 0
            ? "another session (its details are not visible to this role)"
            : $"pid {holders[0][0]} (application '{holders[0][1]}', client {holders[0][2]}) since {holders[0][3]} UTC";
    }

    private static string SqliteHolder(string holderFile)
    {
        try
        {
            return File.ReadAllText(holderFile);
        }
        catch (IOException)
        {
            return "another process (it recorded no details)";
        }
    }

    private static string LockFilePath(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return Path.GetFullPath(dataSource) + ".migrate.lock";
    }

    private static async Task ClearStaleEfLockAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var exists = await SqlCommands.ScalarAsync(connection,
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'", cancellationToken);
        if (Convert.ToInt64(exists, CultureInfo.InvariantCulture) > 0)
        {
            // We hold the run's OS lock, so no live migrator owns this row: it is a killed EF's leftover.
            await SqlCommands.ExecuteAsync(connection, "DELETE FROM \"__EFMigrationsLock\"", cancellationToken);
        }
    }

    /// <summary>One run's wait for the lock: its deadline and when it last told the operator.</summary>
    private sealed class Wait(TimeSpan timeout, ILogger logger)
    {
        private readonly DateTime _deadline = DateTime.UtcNow + timeout;
        private DateTime _nextReport = DateTime.UtcNow;

        public async Task OrGiveUpAsync(Func<Task<string>> holder, CancellationToken cancellationToken)
        {
            var now = DateTime.UtcNow;
            if (now >= _deadline)
            {
                var heldBy = await holder();
                throw new TransientDatabaseError("migrations.locked", string.Create(CultureInfo.InvariantCulture,
                    $"Another migration run holds the migration lock: {heldBy}. Gave up after {timeout.TotalSeconds:0} s; try again when it has finished (Strata:Database:MigrationLockTimeoutSeconds)."));
            }

            if (now >= _nextReport)
            {
                var holderText = await holder();
                logger.LogWarning("Waiting for the migration lock, held by {Holder}; waiting up to {Seconds:0} s more (Strata:Database:MigrationLockTimeoutSeconds).",
                    holderText, (_deadline - now).TotalSeconds);
                _nextReport = now + ReportInterval;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
