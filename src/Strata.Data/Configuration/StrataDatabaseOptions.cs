namespace Strata.Data.Configuration;

/// <summary>
/// Settings under <c>Strata:Database</c> plus the <c>ConnectionStrings:Strata</c> and
/// <c>ConnectionStrings:StrataMigrations</c> connection strings. Environment variables override files
/// (<c>Strata__Database__Provider=Postgres</c>, <c>ConnectionStrings__Strata=…</c>).
/// </summary>
public sealed class StrataDatabaseOptions
{
    /// <summary>Configuration section holding these settings.</summary>
    public const string SectionName = "Strata:Database";

    /// <summary>Name of the application connection string.</summary>
    public const string ConnectionStringName = "Strata";

    /// <summary>Name of the owner (migrations) connection string.</summary>
    public const string MigrationsConnectionStringName = "StrataMigrations";

    /// <summary>SQLite connection string used when none is configured.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=strata.db";

    /// <summary>The configured provider, or null when the setting is absent (then SQLite is used outside Production).</summary>
    public DatabaseProvider? Provider { get; set; }

    /// <summary>The provider in effect.</summary>
    public DatabaseProvider EffectiveProvider => Provider ?? DatabaseProvider.Sqlite;

    /// <summary>Application-role connection string (<c>ConnectionStrings:Strata</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Owner-role connection string for migrations and seeding (<c>ConnectionStrings:StrataMigrations</c>); defaults to <see cref="ConnectionString"/>.</summary>
    public string? MigrationsConnectionString { get; set; }

    /// <summary>Seconds a command may run before the client gives up.</summary>
    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>Seconds to wait for a connection to open.</summary>
    public int ConnectTimeoutSeconds { get; set; } = 15;

    /// <summary>PostgreSQL <c>statement_timeout</c> in milliseconds (0 disables it).</summary>
    public int StatementTimeoutMs { get; set; } = 30_000;

    /// <summary>PostgreSQL <c>lock_timeout</c> in milliseconds (0 disables it).</summary>
    public int LockTimeoutMs { get; set; } = 10_000;

    /// <summary>SQLite <c>busy_timeout</c> in milliseconds: how long a writer waits for the file lock.</summary>
    public int SqliteBusyTimeoutMs { get; set; } = 5_000;

    /// <summary>Commands slower than this are logged as warnings (SQL text only, never parameter values).</summary>
    public int SlowQueryThresholdMs { get; set; } = 200;

    /// <summary>How many times a whole unit of work is retried after a transient failure.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>Base delay of the exponential, jittered back-off between retries, in milliseconds.</summary>
    public int RetryBaseDelayMs { get; set; } = 50;

    /// <summary>How long a migration run waits for another run's lock before giving up, in seconds.</summary>
    public int MigrationLockTimeoutSeconds { get; set; } = 300;

    /// <summary>Migrate and seed reference data when the API starts (defaults to on in Development only).</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>The application connection string in effect.</summary>
    public string ApplicationConnectionString =>
        ConnectionString ?? (EffectiveProvider == DatabaseProvider.Sqlite ? DefaultSqliteConnectionString : string.Empty);

    /// <summary>The owner connection string in effect.</summary>
    public string OwnerConnectionString => MigrationsConnectionString ?? ApplicationConnectionString;
}
