using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Strata.Modules.Auth;
using Strata.Modules.Auth.Repositories;
using Strata.Modules.Auth.Services;

namespace Strata.Benchmarks;

/// <summary>
/// P1: a user looked up by public id, Strata's repository in a new scope per call as a request runs it, against what a
/// hand-written layer does — per provider, each with its own raw baseline measured in the same run. PostgreSQL: a raw
/// <see cref="NpgsqlCommand"/> on a pooled <see cref="NpgsqlDataSource"/>, unprepared (as behind PgBouncer in transaction
/// mode; the baseline) and prepared. SQLite: raw <c>Microsoft.Data.Sqlite</c> on a pooled connection. A warm scope (one
/// long-lived scope, so the query alone) is extra information. 200 users per database.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class PublicIdLookupBenchmarks
{
    private const string Postgres = "Postgres";
    private const string Sqlite = "Sqlite";
    private const string Database = "strata_bench_lookup";
    private const string PostgresSql = "SELECT email FROM auth.users WHERE public_id = $1 AND deleted_at IS NULL LIMIT 1";
    private const string SqliteSql = "SELECT email FROM auth_users WHERE public_id = $id AND deleted_at IS NULL LIMIT 1";
    private Users _postgres = null!;
    private Users _sqlite = null!;
    private NpgsqlDataSource _raw = null!;
    private AsyncServiceScope _postgresWarm;
    private UserRepository _postgresWarmUsers = null!;
    private AsyncServiceScope _sqliteWarm;
    private UserRepository _sqliteWarmUsers = null!;
    private int _next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        (_postgres, _sqlite) = await SharedSetup<(Users, Users)>.GetAsync(async () =>
            (await Users.CreateAsync(await BenchDatabase.PostgresAsync(Database, s => s.AddModule<AuthModule>())),
             await Users.CreateAsync(await BenchDatabase.SqliteAsync(Database, s => s.AddModule<AuthModule>()))));
        _raw = NpgsqlDataSource.Create(_postgres.Database.ConnectionString);
        _postgresWarm = _postgres.Database.Services.CreateAsyncScope();
        _postgresWarmUsers = _postgresWarm.ServiceProvider.GetRequiredService<UserRepository>();
        _sqliteWarm = _sqlite.Database.Services.CreateAsyncScope();
        _sqliteWarmUsers = _sqliteWarm.ServiceProvider.GetRequiredService<UserRepository>();
        // A way that silently missed the row would measure less work than the others: each must find its user.
        string?[] found =
        [
            await PostgresRawUnprepared(), await PostgresRawPrepared(), await PostgresStrataNewScope(), await PostgresStrataWarmScope(),
            await SqliteRaw(), await SqliteStrataNewScope(), await SqliteStrataWarmScope(),
        ];
        if (found.Any(email => email is null))
        {
            throw new InvalidOperationException("A lookup found no user for an id that exists.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _sqliteWarm.DisposeAsync();
        await _postgresWarm.DisposeAsync();
        await _raw.DisposeAsync();
    }

    /// <summary>The floor a hand-written layer behind PgBouncer reaches: an unprepared command on a pooled data source.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Postgres)]
    public async Task<string?> PostgresRawUnprepared()
    {
        await using var command = _raw.CreateCommand(PostgresSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = NextId(_postgres) });
        return (string?)await command.ExecuteScalarAsync();
    }

    /// <summary>The same command prepared (on a direct connection; each pooled connection prepares it once).</summary>
    [Benchmark, BenchmarkCategory(Postgres)]
    public async Task<string?> PostgresRawPrepared()
    {
        await using var connection = await _raw.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(PostgresSql, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = NextId(_postgres) });
        await command.PrepareAsync();
        return (string?)await command.ExecuteScalarAsync();
    }

    [Benchmark, BenchmarkCategory(Postgres)]
    public Task<string?> PostgresStrataNewScope() => LookUpInNewScopeAsync(_postgres);

    /// <summary>The query alone: one long-lived scope, so session and context set-up are not counted.</summary>
    [Benchmark, BenchmarkCategory(Postgres)]
    public async Task<string?> PostgresStrataWarmScope() => (await _postgresWarmUsers.FindByPublicIdAsync(NextId(_postgres)))?.Email;

    /// <summary>
    /// What a new scope adds, alone: the DI scope, its session, the pooled context leased onto a connection object and
    /// returned — no query. Information for reading the gap between the new-scope and warm-scope rows.
    /// </summary>
    [Benchmark, BenchmarkCategory(Postgres)]
    public async Task<int> PostgresScopeSetUpOnly()
    {
        await using var scope = _postgres.Database.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<UserRepository>().GetHashCode();
    }

    /// <summary>Raw <c>Microsoft.Data.Sqlite</c>: a pooled connection opened, one command (GUIDs are upper-case text, as EF stores them).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Sqlite)]
    public async Task<string?> SqliteRaw()
    {
        await using var connection = new SqliteConnection(_sqlite.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSql;
        command.Parameters.AddWithValue("$id", NextId(_sqlite).ToString().ToUpperInvariant());
        return (string?)await command.ExecuteScalarAsync();
    }

    [Benchmark, BenchmarkCategory(Sqlite)]
    public Task<string?> SqliteStrataNewScope() => LookUpInNewScopeAsync(_sqlite);

    /// <summary>The query alone on SQLite, in one long-lived scope.</summary>
    [Benchmark, BenchmarkCategory(Sqlite)]
    public async Task<string?> SqliteStrataWarmScope() => (await _sqliteWarmUsers.FindByPublicIdAsync(NextId(_sqlite)))?.Email;

    private async Task<string?> LookUpInNewScopeAsync(Users users)
    {
        await using var scope = users.Database.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserRepository>().FindByPublicIdAsync(NextId(users)))?.Email;
    }

    private Guid NextId(Users users) => users.Ids[_next++ % users.Ids.Length];

    /// <summary>A migrated database with 200 signed-up users (fewer in the smoke run), and their public ids.</summary>
    private sealed record Users(BenchDatabase Database, Guid[] Ids)
    {
        public static async Task<Users> CreateAsync(BenchDatabase database)
        {
            var ids = new Guid[BenchRun.Rows(200)];
            for (var i = 0; i < ids.Length; i++)
            {
                await using var scope = database.Services.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<IPasswordSignIn>()
                    .SignUpAsync($"user{i}@example.com", "benchmark password", $"User {i}", ClientInfo.None);
                ids[i] = result.User.Id;
            }

            return new Users(database, ids);
        }
    }
}
