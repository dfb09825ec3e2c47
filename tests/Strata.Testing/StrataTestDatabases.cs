using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Strata.Data;
using Strata.Data.Configuration;
using Strata.Data.Migrations;
using Strata.Data.Seeding;

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
    private readonly ConcurrentBag<string> _postgresDatabases = [];
    private readonly Lazy<Task<string>> _sqliteTemplate;
    private readonly Lazy<Task<string>> _postgresTemplate;
    private readonly Lazy<Task<(ServiceProvider Services, string ConnectionString)>> _postgresShared;
    private int _sequence;

    /// <summary>Creates the fixture.</summary>
    protected StrataTestDatabases()
    {
        _sqliteFolder = Path.Combine(Path.GetTempPath(), _runId);
        Directory.CreateDirectory(_sqliteFolder);
        _sqliteTemplate = new(BuildSqliteTemplateAsync);
        _postgresTemplate = new(BuildPostgresTemplateAsync);
        _postgresShared = new(BuildPostgresSharedAsync);
    }

    /// <summary>The modules under test, as the application would register them.</summary>
    protected abstract void AddModules(StrataBuilder strata);

    /// <summary>
    /// Whether each database starts with a Data Protection key, as a host's key keeper gives it at start-up: suites
    /// whose code protects inside a unit of work (queueing mail) need one, since on SQLite a key made inside a unit
    /// waits for that unit's own write lock. The auth suite tests the keeper itself and starts without.
    /// </summary>
    protected virtual bool StartsWithKeyRingKey => false;

    /// <summary>A database whose test transaction is rolled back at the end.</summary>
    public async Task<TestDatabase> RolledBackAsync(DatabaseProvider provider)
    {
        TestDatabase database;
        if (provider == DatabaseProvider.Postgres)
        {
            TestEnvironment.RequirePostgres();
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

    /// <summary>
    /// A private, migrated database that commits for real; <paramref name="settings"/> override configuration keys
    /// (on top of <see cref="StrataTestSettings.Defaults"/>).
    /// </summary>
    public async Task<TestDatabase> FreshAsync(
        DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var name = $"{_runId}_{Interlocked.Increment(ref _sequence)}";
        if (provider == DatabaseProvider.Postgres)
        {
            var admin = TestEnvironment.RequirePostgres();
            await CreatePostgresDatabaseAsync(admin, name, await PostgresTemplateAsync());
            var connectionString = WithDatabase(admin, name);
            var postgresServices = Prepared(BuildServices(provider, connectionString, settings, services));
            return new TestDatabase(provider, connectionString, postgresServices, postgresServices, () => DropPostgresDatabaseAsync(admin, name));
        }

        var file = Path.Combine(_sqliteFolder, name + ".db");
        File.Copy(await SqliteTemplateAsync(), file);
        var sqlite = $"Data Source={file}";
        var sqliteServices = Prepared(BuildServices(provider, sqlite, settings, services));
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

    /// <summary>A fresh database (see <see cref="FreshAsync"/>) with every module's seed data.</summary>
    public async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var db = await FreshAsync(provider);
        await db.Get<SeedRunner>().SeedAsync(new SeedOptions());
        return db;
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
        if (_postgresShared.IsValueCreated && _postgresShared.Value.IsCompletedSuccessfully)
        {
            await (await _postgresShared.Value).Services.DisposeAsync();
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

        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Connection settings for serving <paramref name="db"/> as it is: on PostgreSQL the application role (which owns
    /// nothing), on SQLite the file.
    /// </summary>
    public static Dictionary<string, string?> ServingSettings(TestDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new Dictionary<string, string?>
        {
            ["Strata:Database:Provider"] = db.Provider.ToString(),
            ["ConnectionStrings:Strata"] = db.Provider == DatabaseProvider.Postgres
                ? TestEnvironment.PostgresApplication(new NpgsqlConnectionStringBuilder(db.ConnectionString).Database!)
                : db.ConnectionString,
        };
    }

    /// <summary>
    /// <see cref="ServingSettings"/> after a migration run as the owner, so on PostgreSQL the application role holds its
    /// grants — the way production serves.
    /// </summary>
    public async Task<Dictionary<string, string?>> GrantedServingSettingsAsync(TestDatabase db)
    {
        var settings = ServingSettings(db);
        if (db.Provider == DatabaseProvider.Postgres)
        {
            settings["ConnectionStrings:StrataMigrations"] = db.ConnectionString;
            await using var owner = ServicesFor(db, settings);
            await owner.GetRequiredService<StrataMigrator>().MigrateAsync();
        }

        return settings;
    }

    /// <summary>
    /// A separate service provider (its own pools, sessions and singletons) on an existing test database: a second
    /// process, in-process; <paramref name="services"/> adjusts its registrations (a shared fake clock).
    /// </summary>
    public ServiceProvider ServicesFor(
        TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        return BuildServices(database.Provider, database.ConnectionString, settings, services);
    }

    private ServiceProvider BuildServices(
        DatabaseProvider provider, string connectionString, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? configure = null)
    {
        // The test defaults first, so every provider hashes cheaply unless the test's own settings opt in to more.
        var values = StrataTestSettings.Merge(StrataTestSettings.Defaults, new Dictionary<string, string?>
        {
            ["Strata:Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Strata"] = connectionString,
        }, settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddStrata(configuration, AddModules);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    // Lazy tasks: the template is built once per run, and if building fails every test sees that same failure.
    private Task<string> SqliteTemplateAsync() => _sqliteTemplate.Value;

    private Task<string> PostgresTemplateAsync() => _postgresTemplate.Value;

    private Task<(ServiceProvider Services, string ConnectionString)> PostgresSharedAsync() => _postgresShared.Value;

    private ServiceProvider Prepared(ServiceProvider services)
    {
        if (StartsWithKeyRingKey)
        {
            TestKeyRing.EnsureKey(services);
        }

        return services;
    }

    private async Task<string> BuildSqliteTemplateAsync()
    {
        var file = Path.Combine(_sqliteFolder, "template.db");
        // No pooling: when the migrator's connection closes, SQLite checkpoints the WAL into the file we copy.
        await using var services = BuildServices(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False", settings: null);
        await services.GetRequiredService<StrataMigrator>().MigrateAsync();
        return file;
    }

    private async Task<string> BuildPostgresTemplateAsync()
    {
        var admin = TestEnvironment.RequirePostgres();
        var template = $"{_runId}_template";
        await CreatePostgresDatabaseAsync(admin, template, template: null);
        await using (var services = BuildServices(DatabaseProvider.Postgres, WithDatabase(admin, template), settings: null))
        {
            await services.GetRequiredService<StrataMigrator>().MigrateAsync();
        }

        return template;
    }

    private async Task<(ServiceProvider Services, string ConnectionString)> BuildPostgresSharedAsync()
    {
        var admin = TestEnvironment.RequirePostgres();
        var name = $"{_runId}_shared";
        await CreatePostgresDatabaseAsync(admin, name, await PostgresTemplateAsync());
        var connectionString = WithDatabase(admin, name);
        return (Prepared(BuildServices(DatabaseProvider.Postgres, connectionString, settings: null)), connectionString);
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
        // A backend of another role (the application role's) may still be exiting after its client closed; FORCE may
        // not terminate it (42501) or the drop may meet it still there (55006). Such a race passes in moments.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(WithDatabase(admin, "postgres", pooling: false));
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is "42501" or "55006" && attempt < 25)
            {
                await Task.Delay(200);
            }
        }
    }

    private static string WithDatabase(string connectionString, string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database, Pooling = pooling }.ConnectionString;
}
