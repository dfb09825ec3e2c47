namespace Strata.Data.Configuration;

/// <summary>The database engines Strata runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded SQLite: the default for development and small deployments.</summary>
    Sqlite,

    /// <summary>PostgreSQL: the production engine.</summary>
    Postgres,
}
