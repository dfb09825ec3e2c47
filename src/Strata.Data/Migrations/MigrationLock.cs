using System.Data.Common;
using Microsoft.Data.Sqlite;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Data.Sessions;

namespace Strata.Data.Migrations;

/// <summary>
/// The one lock a whole migration run holds, so concurrent migrators (several instances starting at once, a CLI and
/// an API) apply each migration exactly once. PostgreSQL: a session advisory lock on a dedicated owner connection.
/// SQLite: an exclusive OS lock on a file beside the database. Both vanish with the process that held them, so a
/// killed migrator never leaves a lock behind; on SQLite the run then clears the <c>__EFMigrationsLock</c> row a killed
/// EF may have left (EF would wait on it forever).
/// </summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    // An arbitrary, fixed key: every Strata migrator of a database contends for the same one.
    private const long AdvisoryLockKey = 0x5374726174614D; // "StrataM"
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly DbConnection? _postgres;
    private readonly FileStream? _file;

    private MigrationLock(DbConnection? postgres, FileStream? file)
    {
        _postgres = postgres;
        _file = file;
    }

    /// <summary>Waits for the lock up to <paramref name="timeout"/>; a <see cref="TransientDatabaseError"/> when another run keeps it.</summary>
    public static async Task<MigrationLock> AcquireAsync(
        DatabaseConnectionFactory connections, StrataDatabaseOptions options, DbConnection sessionConnection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        if (connections.Provider == DatabaseProvider.Postgres)
        {
            var connection = connections.Create(DatabaseRole.Owner);
            while (!Convert.ToBoolean(await SqlCommands.ScalarAsync(connection, "SELECT pg_try_advisory_lock(@key)", cancellationToken, ("key", AdvisoryLockKey)),
                       System.Globalization.CultureInfo.InvariantCulture))
            {
                await WaitOrGiveUpAsync(deadline, connection, cancellationToken);
            }

            return new MigrationLock(connection, null);
        }

        var path = LockFilePath(options.OwnerConnectionString);
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
                await WaitOrGiveUpAsync(deadline, connection: null, cancellationToken);
            }
        }

        await ClearStaleEfLockAsync(sessionConnection, cancellationToken);
        return new MigrationLock(null, file);
    }

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
            await _file.DisposeAsync();
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
        if (Convert.ToInt64(exists, System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            // We hold the run's OS lock, so no live migrator owns this row: it is a killed EF's leftover.
            await SqlCommands.ExecuteAsync(connection, "DELETE FROM \"__EFMigrationsLock\"", cancellationToken);
        }
    }

    private static async Task WaitOrGiveUpAsync(DateTime deadline, DbConnection? connection, CancellationToken cancellationToken)
    {
        if (DateTime.UtcNow >= deadline)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            throw new TransientDatabaseError("migrations.locked",
                "Another migration run holds the migration lock; try again when it has finished (Strata:Database:MigrationLockTimeoutSeconds).");
        }

        await Task.Delay(PollInterval, cancellationToken);
    }
}
