using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Strata.Data;
using Strata.Data.Configuration;
using Strata.Data.Migrations;

namespace Strata.Testing;

/// <summary>
/// Test databases for one test assembly, on both providers. Each provider's template is migrated once per run;
/// tests get rolled-back transactions on a shared copy (PostgreSQL) or a private copy (SQLite), or fresh clones
/// (<c>CREATE DATABASE … TEMPLATE</c> / a file copy). Every PostgreSQL database is named after the run and dropped
/// at the end. Register a subclass with <c>[assembly: AssemblyFixture(typeof(…))]</c>.
/// </summary>
public abstract class StrataTestDatabases : IAsyncDisposable
{
    private readonly string _runId = $"strata_t{DateTime.UtcNow:MMddHHmmss}_{Environment.ProcessId}";
    private readonly string _sqliteFolder;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentBag<string> _postgresDatabases = [];
    private string? _sqliteTemplate;
    private string? _postgresTemplate;
    private (ServiceProvider services, string connectionString)? _postgresShared;
    private int _sequence;

    /// <summary>Creates the fixture.</summary>
    protected StrataTestDatabases()
    {
        _sqliteFolder = Path.Combine(Path.GetTempPath(), _runId);
        Directory.CreateDirectory(_sqliteFolder);
    }

    /// <summary>The modules under test, as the application would register them.</summary>
    protected abstract void AddModules(StrataBuilder strata);

    /// <summary>A database whose test transaction is rolled back at the end.</summary>
    public async Task<TestDatabase> RolledBackAsync(DatabaseProvider provider)
    {
        TestDatabase database;
        if (provider == DatabaseProvider.Postgres)
        {
            var (services, connectionString) = await PostgresSharedAsync();
            database = new TestDatabase(provider, connectionString, services, ownedServices: null, () => ValueTask.CompletedTask);
        }
        else
        {
            database = await FreshAsync(provider);
        }

        await database.BeginAmbientTransactionAsync();
        return database;
    }

    /// <summary>A private, migrated database that commits for real; <paramref name="settings"/> override configuration keys.</summary>
    public async Task<TestDatabase> FreshAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var name = $"{_runId}_{Interlocked.Increment(ref _sequence)}";
        if (provider == DatabaseProvider.Postgres)
        {
            var admin = TestEnvironment.RequirePostgres();
            var template = await PostgresTemplateAsync(admin);
            await CreatePostgresDatabaseAsync(admin, name, template);
            var connectionString = WithDatabase(admin, name);
            var services = BuildServices(provider, connectionString, settings);
            return new TestDatabase(provider, connectionString, services, services, () => DropPostgresDatabaseAsync(admin, name));
        }

        var file = Path.Combine(_sqliteFolder, name + ".db");
        File.Copy(await SqliteTemplateAsync(), file);
        var sqlite = $"Data Source={file}";
        var sqliteServices = BuildServices(provider, sqlite, settings);
        return new TestDatabase(provider, sqlite, sqliteServices, sqliteServices, () =>
        {
            using (var connection = new SqliteConnection(sqlite))
            {
                SqliteConnection.ClearPool(connection);
            }

            foreach (var path in Directory.EnumerateFiles(_sqliteFolder, name + ".db*"))
            {
                File.Delete(path);
            }

            return ValueTask.CompletedTask;
        });
    }

    /// <summary>An empty database with no migrations applied, and services pointing at it (for migration tests).</summary>
    public async Task<TestDatabase> EmptyAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var name = $"{_runId}_{Interlocked.Increment(ref _sequence)}";
        if (provider == DatabaseProvider.Postgres)
        {
            var admin = TestEnvironment.RequirePostgres();
            await CreatePostgresDatabaseAsync(admin, name, template: null);
            var connectionString = WithDatabase(admin, name);
            var services = BuildServices(provider, connectionString, settings);
            return new TestDatabase(provider, connectionString, services, services, () => DropPostgresDatabaseAsync(admin, name));
        }

        var sqlite = $"Data Source={Path.Combine(_sqliteFolder, name + ".db")}";
        var sqliteServices = BuildServices(provider, sqlite, settings);
        return new TestDatabase(provider, sqlite, sqliteServices, sqliteServices, () => ValueTask.CompletedTask);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_postgresShared is { } shared)
        {
            await shared.services.DisposeAsync();
        }

        if (Environment.GetEnvironmentVariable(TestEnvironment.PostgresVariable) is { Length: > 0 } admin)
        {
            foreach (var database in _postgresDatabases)
            {
                await DropPostgresDatabaseAsync(admin, database);
            }
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_sqliteFolder))
        {
            Directory.Delete(_sqliteFolder, recursive: true);
        }

        _gate.Dispose();
        GC.SuppressFinalize(this);
    }

    private ServiceProvider BuildServices(DatabaseProvider provider, string connectionString, IReadOnlyDictionary<string, string?>? settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Strata:Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Strata"] = connectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddStrata(configuration, AddModules);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    private async Task<string> SqliteTemplateAsync()
    {
        if (_sqliteTemplate is not null)
        {
            return _sqliteTemplate;
        }

        await _gate.WaitAsync();
        try
        {
            if (_sqliteTemplate is null)
            {
                var file = Path.Combine(_sqliteFolder, "template.db");
                // No pooling: when the migrator's connection closes, SQLite checkpoints the WAL into the file we copy.
                await using (var services = BuildServices(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False", settings: null))
                {
                    await services.GetRequiredService<StrataMigrator>().MigrateAsync();
                }

                _sqliteTemplate = file;
            }

            return _sqliteTemplate;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string> PostgresTemplateAsync(string admin)
    {
        if (_postgresTemplate is not null)
        {
            return _postgresTemplate;
        }

        await _gate.WaitAsync();
        try
        {
            if (_postgresTemplate is null)
            {
                var template = $"{_runId}_template";
                await CreatePostgresDatabaseAsync(admin, template, template: null);
                await using (var services = BuildServices(DatabaseProvider.Postgres, WithDatabase(admin, template), settings: null))
                {
                    await services.GetRequiredService<StrataMigrator>().MigrateAsync();
                }

                // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template.
                NpgsqlConnection.ClearAllPools();
                _postgresTemplate = template;
            }

            return _postgresTemplate;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(ServiceProvider services, string connectionString)> PostgresSharedAsync()
    {
        if (_postgresShared is { } existing)
        {
            return existing;
        }

        var admin = TestEnvironment.RequirePostgres();
        var template = await PostgresTemplateAsync(admin);
        await _gate.WaitAsync();
        try
        {
            if (_postgresShared is null)
            {
                var name = $"{_runId}_shared";
                await CreatePostgresDatabaseAsync(admin, name, template);
                var connectionString = WithDatabase(admin, name);
                _postgresShared = (BuildServices(DatabaseProvider.Postgres, connectionString, settings: null), connectionString);
            }

            return _postgresShared.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CreatePostgresDatabaseAsync(string admin, string name, string? template)
    {
        await using var connection = new NpgsqlConnection(WithDatabase(admin, "postgres", pooling: false));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = template is null
            ? $"CREATE DATABASE \"{name}\""
            : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
        await command.ExecuteNonQueryAsync();
        _postgresDatabases.Add(name);
    }

    private static async ValueTask DropPostgresDatabaseAsync(string admin, string name)
    {
        await using var connection = new NpgsqlConnection(WithDatabase(admin, "postgres", pooling: false));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }

    private static string WithDatabase(string connectionString, string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database, Pooling = pooling }.ConnectionString;
}
