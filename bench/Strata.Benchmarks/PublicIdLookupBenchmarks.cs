using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Strata.Modules.Auth;
using Strata.Modules.Auth.Repositories;
using Strata.Modules.Auth.Services;

namespace Strata.Benchmarks;

/// <summary>
/// P1: a user looked up by public id, Strata's repository in a new scope per call as a request runs it, against what a
/// hand-written layer does — per provider, each with its own raw baseline measured in the same run. The baselines do the
/// repository's work by hand: the same row (every column the entity maps) read into an object. PostgreSQL: a raw
/// <see cref="NpgsqlCommand"/> on a pooled <see cref="NpgsqlDataSource"/>, unprepared (as behind PgBouncer in transaction
/// mode; the baseline), and for information the same prepared, and one column only. SQLite: raw
/// <c>Microsoft.Data.Sqlite</c> on a pooled connection. A warm scope (one long-lived scope, so the query alone) is extra
/// information. 200 users per database.
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

    // The columns EF reads for the entity, in the order UserRow.Read takes them (the version is xmin on PostgreSQL).
    private const string RowColumns = "id, public_id, created_at, updated_at, email, normalized_email, name, email_verified, image, "
        + "two_factor_enabled, security_stamp, failed_sign_in_count, lockout_end, deleted_at";
    private const string PostgresRowSql = $"SELECT {RowColumns}, xmin FROM auth.users WHERE public_id = $1 AND deleted_at IS NULL LIMIT 1";
    private const string SqliteRowSql = $"SELECT {RowColumns}, version FROM auth_users WHERE public_id = $id AND deleted_at IS NULL LIMIT 1";
    private Users _postgres = null!;
    private Users _sqlite = null!;
    private NpgsqlDataSource _raw = null!;
    private PooledDbContextFactory<EfCoreFloor.PostgresUsers> _postgresFloor = null!;
    private PooledDbContextFactory<EfCoreFloor.SqliteUsers> _sqliteFloor = null!;
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
        _postgresFloor = EfCoreFloor.Postgres(_postgres.Database.ConnectionString);
        _sqliteFloor = EfCoreFloor.Sqlite(_sqlite.Database.ConnectionString);
        _postgresWarm = _postgres.Database.Services.CreateAsyncScope();
        _postgresWarmUsers = _postgresWarm.ServiceProvider.GetRequiredService<UserRepository>();
        _sqliteWarm = _sqlite.Database.Services.CreateAsyncScope();
        _sqliteWarmUsers = _sqliteWarm.ServiceProvider.GetRequiredService<UserRepository>();
        // A way that silently missed the row would measure less work than the others: each must find its user.
        string?[] found =
        [
            await PostgresRawUnprepared(), await PostgresRawPrepared(), await PostgresRawOneColumn(), await PostgresEfCoreFloor(),
            await PostgresStrataNewScope(), await PostgresStrataWarmScope(), await SqliteRaw(), await SqliteRawOneColumn(), await SqliteEfCoreFloor(),
            await SqliteStrataNewScope(), await SqliteStrataWarmScope(),
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

    /// <summary>The floor a hand-written layer behind PgBouncer reaches: an unprepared command on a pooled data source, the row read into an object.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Postgres)]
    public async Task<string?> PostgresRawUnprepared()
    {
        await using var command = _raw.CreateCommand(PostgresRowSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = NextId(_postgres) });
        return await UserRow.ReadAsync(command);
    }

    /// <summary>The same command prepared (on a direct connection; each pooled connection prepares it once).</summary>
    [Benchmark, BenchmarkCategory(Postgres)]
    public async Task<string?> PostgresRawPrepared()
    {
        await using var connection = await _raw.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(PostgresRowSql, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = NextId(_postgres) });
        await command.PrepareAsync();
        return await UserRow.ReadAsync(command);
    }

    /// <summary>Less than the repository does — one column, no object — for information: the floor of any lookup.</summary>
    [Benchmark, BenchmarkCategory(Postgres)]
    public async Task<string?> PostgresRawOneColumn()
    {
        await using var command = _raw.CreateCommand(PostgresSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = NextId(_postgres) });
        return (string?)await command.ExecuteScalarAsync();
    }

    /// <summary>EF Core alone at its fastest (<see cref="EfCoreFloor"/>): the floor under any EF Core repository.</summary>
    [Benchmark, BenchmarkCategory(Postgres)]
    public Task<string?> PostgresEfCoreFloor() => EfCoreFloor.LookUpAsync(_postgresFloor, NextId(_postgres));

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

    /// <summary>Raw <c>Microsoft.Data.Sqlite</c>: a pooled connection opened, one command, the row read into an object (GUIDs are upper-case text, as EF stores them).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Sqlite)]
    public async Task<string?> SqliteRaw()
    {
        await using var connection = new SqliteConnection(_sqlite.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteRowSql;
        command.Parameters.AddWithValue("$id", NextId(_sqlite).ToString().ToUpperInvariant());
        return await UserRow.ReadAsync(command);
    }

    /// <summary>One column, no object, on SQLite: for information.</summary>
    [Benchmark, BenchmarkCategory(Sqlite)]
    public async Task<string?> SqliteRawOneColumn()
    {
        await using var connection = new SqliteConnection(_sqlite.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSql;
        command.Parameters.AddWithValue("$id", NextId(_sqlite).ToString().ToUpperInvariant());
        return (string?)await command.ExecuteScalarAsync();
    }

    /// <summary>EF Core alone at its fastest on SQLite.</summary>
    [Benchmark, BenchmarkCategory(Sqlite)]
    public Task<string?> SqliteEfCoreFloor() => EfCoreFloor.LookUpAsync(_sqliteFloor, NextId(_sqlite));

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

    /// <summary>
    /// A user row as a hand-written layer holds it: every mapped column, read by ordinal with typed getters. Returns the
    /// email, as the Strata rows do, so each benchmark's result is the same.
    /// </summary>
    private sealed class UserRow
    {
        public long Id { get; private init; }
        public Guid PublicId { get; private init; }
        public DateTime CreatedAt { get; private init; }
        public DateTime UpdatedAt { get; private init; }
        public string Email { get; private init; } = "";
        public string NormalizedEmail { get; private init; } = "";
        public string Name { get; private init; } = "";
        public bool EmailVerified { get; private init; }
        public string? Image { get; private init; }
        public bool TwoFactorEnabled { get; private init; }
        public string SecurityStamp { get; private init; } = "";
        public int FailedSignInCount { get; private init; }
        public DateTime? LockoutEnd { get; private init; }
        public DateTime? DeletedAt { get; private init; }
        public uint Version { get; private init; }

        public static async Task<string?> ReadAsync(System.Data.Common.DbCommand command)
        {
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync() ? Read(reader).Email : null;
        }

        private static UserRow Read(System.Data.Common.DbDataReader reader) => new()
        {
            Id = reader.GetInt64(0),
            PublicId = reader.GetGuid(1),
            CreatedAt = reader.GetDateTime(2),
            UpdatedAt = reader.GetDateTime(3),
            Email = reader.GetString(4),
            NormalizedEmail = reader.GetString(5),
            Name = reader.GetString(6),
            EmailVerified = reader.GetBoolean(7),
            Image = reader.IsDBNull(8) ? null : reader.GetString(8),
            TwoFactorEnabled = reader.GetBoolean(9),
            SecurityStamp = reader.GetString(10),
            FailedSignInCount = reader.GetInt32(11),
            LockoutEnd = reader.IsDBNull(12) ? null : reader.GetDateTime(12),
            DeletedAt = reader.IsDBNull(13) ? null : reader.GetDateTime(13),
            Version = reader.GetFieldValue<uint>(14),
        };
    }

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
