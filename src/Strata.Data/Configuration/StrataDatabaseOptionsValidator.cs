using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Strata.Data.Configuration;

/// <summary>Validates <see cref="StrataDatabaseOptions"/> at start-up; every message names the setting to fix.</summary>
internal sealed class StrataDatabaseOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<StrataDatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, StrataDatabaseOptions options)
    {
        var failures = new List<string>();
        if (options.Provider is null && environment?.IsProduction() == true)
        {
            failures.Add("Strata:Database:Provider must be set explicitly in Production (Sqlite or Postgres).");
        }

        if (options.Provider is { } provider && !Enum.IsDefined(provider))
        {
            failures.Add($"Strata:Database:Provider '{provider}' is not supported; use Sqlite or Postgres.");
        }

        if (options.EffectiveProvider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("ConnectionStrings:Strata is required when Strata:Database:Provider is Postgres.");
        }

        CheckConnectionString(options, options.ConnectionString, "ConnectionStrings:Strata", failures);
        CheckConnectionString(options, options.MigrationsConnectionString, "ConnectionStrings:StrataMigrations", failures);

        Positive(options.CommandTimeoutSeconds, "Strata:Database:CommandTimeoutSeconds", failures);
        Positive(options.ConnectTimeoutSeconds, "Strata:Database:ConnectTimeoutSeconds", failures);
        Positive(options.SqliteBusyTimeoutMs, "Strata:Database:SqliteBusyTimeoutMs", failures);
        Positive(options.SlowQueryThresholdMs, "Strata:Database:SlowQueryThresholdMs", failures);
        Positive(options.RetryBaseDelayMs, "Strata:Database:RetryBaseDelayMs", failures);
        Positive(options.MigrationLockTimeoutSeconds, "Strata:Database:MigrationLockTimeoutSeconds", failures);
        NotNegative(options.StatementTimeoutMs, "Strata:Database:StatementTimeoutMs", failures);
        NotNegative(options.LockTimeoutMs, "Strata:Database:LockTimeoutMs", failures);
        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add("Strata:Database:MaxRetryAttempts must be between 0 and 10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckConnectionString(StrataDatabaseOptions options, string? value, string setting, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        try
        {
            DbConnectionStringBuilder builder = options.EffectiveProvider == DatabaseProvider.Postgres
                ? new NpgsqlConnectionStringBuilder(value)
                : new SqliteConnectionStringBuilder(value);
            if (builder is SqliteConnectionStringBuilder { DataSource: "" })
            {
                failures.Add($"{setting} needs a Data Source for SQLite.");
            }
        }
        catch (ArgumentException ex)
        {
            // The parser's message names the bad keyword, never the value.
            failures.Add($"{setting} is not a valid {options.EffectiveProvider} connection string: {ex.Message}");
        }
    }

    private static void Positive(int value, string setting, List<string> failures)
    {
        if (value <= 0)
        {
            failures.Add($"{setting} must be greater than zero.");
        }
    }

    private static void NotNegative(int value, string setting, List<string> failures)
    {
        if (value < 0)
        {
            failures.Add($"{setting} must not be negative.");
        }
    }
}
