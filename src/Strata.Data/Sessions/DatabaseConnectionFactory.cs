using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using Strata.Data.Configuration;

namespace Strata.Data.Sessions;

/// <summary>
/// Creates connections for both roles with Strata's settings applied: timeouts and PostgreSQL
/// <c>statement_timeout</c>/<c>lock_timeout</c> in the connection string, and on SQLite WAL, <c>busy_timeout</c>
/// and <c>foreign_keys</c> once per native connection (the pool keeps them).
/// </summary>
public sealed class DatabaseConnectionFactory : IDisposable
{
    private readonly StrataDatabaseOptions _options;
    private readonly Lazy<NpgsqlDataSource> _application;
    private readonly Lazy<NpgsqlDataSource> _owner;
    private readonly string _sqliteApplication;
    private readonly string _sqliteOwner;
    private readonly string _sqlitePragmas;
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configuredSqliteHandles = new();
    private static readonly object ConfiguredMarker = new();

    /// <summary>Creates the factory from validated options.</summary>
    public DatabaseConnectionFactory(IOptions<StrataDatabaseOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _application = new(() => NpgsqlDataSource.Create(PostgresConnectionString(_options.ApplicationConnectionString)));
        _owner = new(() => NpgsqlDataSource.Create(PostgresConnectionString(_options.OwnerConnectionString)));
        var sqlite = _options.EffectiveProvider == DatabaseProvider.Sqlite;
        _sqliteApplication = sqlite ? SqliteConnectionString(_options.ApplicationConnectionString, foreignKeysOnEveryOpen: false) : string.Empty;
        _sqliteOwner = sqlite ? SqliteConnectionString(_options.OwnerConnectionString, foreignKeysOnEveryOpen: true) : string.Empty;
        _sqlitePragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA journal_mode = WAL; PRAGMA busy_timeout = {_options.SqliteBusyTimeoutMs}; PRAGMA foreign_keys = ON;");
    }

    /// <summary>The provider connections are made for.</summary>
    public DatabaseProvider Provider => _options.EffectiveProvider;

    /// <summary>A new, closed connection for <paramref name="role"/>.</summary>
    public DbConnection Create(DatabaseRole role)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            return (role == DatabaseRole.Owner ? _owner : _application).Value.CreateConnection();
        }

        var connection = new SqliteConnection(role == DatabaseRole.Owner ? _sqliteOwner : _sqliteApplication);
        connection.StateChange += ApplySqlitePragmas;
        return connection;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_application.IsValueCreated)
        {
            _application.Value.Dispose();
        }

        if (_owner.IsValueCreated)
        {
            _owner.Value.Dispose();
        }
    }

    private void ApplySqlitePragmas(object? sender, StateChangeEventArgs e)
    {
        // The settings belong to the native connection, which Microsoft.Data.Sqlite pools: set them the first time a
        // native connection opens, not on every pooled open (three statements per request for nothing).
        if (e.CurrentState != ConnectionState.Open || sender is not SqliteConnection { Handle: { } handle } connection
            || _configuredSqliteHandles.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = _sqlitePragmas;
        command.ExecuteNonQuery();
        _configuredSqliteHandles.AddOrUpdate(handle, ConfiguredMarker);
    }

    private string PostgresConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Timeout = _options.ConnectTimeoutSeconds,
            CommandTimeout = _options.CommandTimeoutSeconds,
        };
        builder.ApplicationName ??= "strata";
        var settings = string.Create(CultureInfo.InvariantCulture,
            $"-c statement_timeout={_options.StatementTimeoutMs} -c lock_timeout={_options.LockTimeoutMs}");
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? settings : $"{builder.Options} {settings}";
        return builder.ConnectionString;
    }

    // "Foreign Keys=True" makes Microsoft.Data.Sqlite run a PRAGMA on every open, pooled or not: a statement per request
    // on the serving connections, which never turn foreign keys off, so those rely on the once-per-handle pragma. The
    // owner keeps it: migrations switch foreign keys off while they rebuild a table, and one that fails half-way must
    // not hand a pooled handle back with them off.
    private string SqliteConnectionString(string connectionString, bool foreignKeysOnEveryOpen) =>
        new SqliteConnectionStringBuilder(connectionString)
        {
            DefaultTimeout = _options.CommandTimeoutSeconds,
            ForeignKeys = foreignKeysOnEveryOpen ? true : null,
        }.ConnectionString;
}
