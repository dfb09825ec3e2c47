using Xunit;

namespace Strata.Testing;

/// <summary>Where PostgreSQL tests get their server, and what happens without one.</summary>
public static class TestEnvironment
{
    /// <summary>Environment variable holding an owner connection string (a role with CREATEDB) for test databases.</summary>
    public const string PostgresVariable = "STRATA_TEST_POSTGRES";

    /// <summary>True under CI (<c>CI=true</c>), where a PostgreSQL test that cannot run fails instead of skipping.</summary>
    public static bool IsCi => Environment.GetEnvironmentVariable("CI") is { } ci &&
        (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>Environment variable holding the application role's connection string; defaults to <c>strata_app</c> on the owner's server.</summary>
    public const string PostgresApplicationVariable = "STRATA_TEST_POSTGRES_APP";

    /// <summary>The application role's connection string to <paramref name="database"/> on the test server.</summary>
    public static string PostgresApplication(string database)
    {
        var configured = Environment.GetEnvironmentVariable(PostgresApplicationVariable);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? RequirePostgres() : configured) { Database = database };
        if (string.IsNullOrWhiteSpace(configured))
        {
            builder.Username = "strata_app";
            builder.Password = "strata_app";
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// The PostgreSQL connection string. Without one, the calling test skips with a reason outside CI — the only
    /// skip Strata allows — and fails under CI.
    /// </summary>
    public static string RequirePostgres()
    {
        var connectionString = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        if (IsCi)
        {
            throw new InvalidOperationException(
                $"CI is set but {PostgresVariable} is not: PostgreSQL tests must run under CI. .ci/run sets it up.");
        }

        Assert.Skip($"PostgreSQL tests need {PostgresVariable} (e.g. 'Host=localhost;Username=strata_owner;Password=strata_owner'); see README.");
        return string.Empty;
    }
}
