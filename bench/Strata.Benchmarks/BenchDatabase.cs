using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Strata.Data;
using Strata.Data.Configuration;
using Strata.Data.Migrations;
using Strata.Testing;

namespace Strata.Benchmarks;

/// <summary>
/// A benchmark's database, migrated to head, and the services an application would build on it. PostgreSQL comes
/// from the tests' server (<see cref="TestEnvironment.PostgresVariable"/>, an owner with CREATEDB); the database is
/// dropped and recreated, so each run starts empty. SQLite is a file in the temporary folder, replaced each run.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private BenchDatabase(DatabaseProvider provider, string connectionString, string ownerConnectionString, ServiceProvider services)
    {
        Provider = provider;
        ConnectionString = connectionString;
        OwnerConnectionString = ownerConnectionString;
        Services = services;
    }

    /// <summary>The provider.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>The connection string the application serves with (on PostgreSQL as <c>strata_app</c> when asked for).</summary>
    public string ConnectionString { get; }

    /// <summary>The owner's connection string (the one migrations run with): for arranging data set-based, in SQL.</summary>
    public string OwnerConnectionString { get; }

    /// <summary>The application's services: the way a host builds them, without the tests' scope validation.</summary>
    public ServiceProvider Services { get; }

    /// <summary>The owner connection string of the PostgreSQL server the tests use.</summary>
    public static string PostgresAdmin =>
        Environment.GetEnvironmentVariable(TestEnvironment.PostgresVariable) is { Length: > 0 } admin
            ? admin
            : throw new InvalidOperationException(
                $"The benchmarks need {TestEnvironment.PostgresVariable}, as the tests do (e.g. 'Host=localhost;Username=strata_owner;Password=strata_owner').");

    /// <summary>
    /// Recreates the PostgreSQL database <paramref name="name"/> and migrates <paramref name="modules"/> as the owner;
    /// with <paramref name="asApplicationRole"/> the services then serve as <c>strata_app</c>, so row-level security
    /// is in the path.
    /// </summary>
    public static async Task<BenchDatabase> PostgresAsync(string name, Action<StrataBuilder> modules, bool asApplicationRole = false)
    {
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var owner = new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name }.ConnectionString;
        var serving = asApplicationRole ? TestEnvironment.PostgresApplication(name) : owner;
        return await MigrateAsync(DatabaseProvider.Postgres, serving, owner, modules);
    }

    /// <summary>Replaces the SQLite file <paramref name="name"/><c>.db</c> in the temporary folder and migrates <paramref name="modules"/>.</summary>
    public static async Task<BenchDatabase> SqliteAsync(string name, Action<StrataBuilder> modules)
    {
        var file = Path.Combine(Path.GetTempPath(), name + ".db");
        SqliteConnection.ClearAllPools();
        foreach (var path in Directory.EnumerateFiles(Path.GetTempPath(), name + ".db*"))
        {
            File.Delete(path);
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = file }.ConnectionString;
        return await MigrateAsync(DatabaseProvider.Sqlite, connectionString, connectionString, modules);
    }

    /// <summary>A new, open connection as the owner, outside the application's sessions.</summary>
    public async Task<DbConnection> OpenOwnerAsync()
    {
        DbConnection connection = Provider == DatabaseProvider.Postgres ? new NpgsqlConnection(OwnerConnectionString) : new SqliteConnection(OwnerConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Services.DisposeAsync();

    private static async Task<BenchDatabase> MigrateAsync(DatabaseProvider provider, string serving, string owner, Action<StrataBuilder> modules)
    {
        // The tests' defaults (cheap password hashes) so arranging hundreds of users takes moments.
        var settings = StrataTestSettings.Merge(StrataTestSettings.Defaults, new Dictionary<string, string?>
        {
            ["Strata:Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Strata"] = serving,
            ["ConnectionStrings:StrataMigrations"] = owner,
        });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddStrata(configuration, modules).BuildServiceProvider();
        await services.GetRequiredService<StrataMigrator>().MigrateAsync();
        return new BenchDatabase(provider, serving, owner, services);
    }
}
