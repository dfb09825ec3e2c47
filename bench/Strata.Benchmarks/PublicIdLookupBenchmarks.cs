using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Strata.Data;
using Strata.Data.Migrations;
using Strata.Modules.Auth;
using Strata.Modules.Auth.Services;

namespace Strata.Benchmarks;

/// <summary>
/// Looking a user up by public id on PostgreSQL: raw Npgsql (the floor), Strata's repository (compiled query), and a
/// plain no-tracking LINQ query — each with one session per request, as the API runs them. Needs a server:
/// <c>STRATA_BENCH_POSTGRES</c> (see <see cref="BenchDatabase"/>).
/// </summary>
[MemoryDiagnoser]
public class PublicIdLookupBenchmarks
{
    private const string Database = "strata_bench_lookup";
    private ServiceProvider _services = null!;
    private NpgsqlDataSource _raw = null!;
    private Guid[] _ids = [];
    private int _next;
    private AsyncServiceScope _warm;
    private Modules.Auth.Repositories.UserRepository _warmUsers = null!;
    private AuthDbContext _warmContext = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var connectionString = await BenchDatabase.RecreateAsync(Database);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Strata:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Strata"] = connectionString,
            ["Strata:Auth:PasswordIterations"] = "1000",
        }).Build();
        _services = new ServiceCollection().AddStrata(configuration, s => s.AddModule<AuthModule>()).BuildServiceProvider();
        await _services.GetRequiredService<StrataMigrator>().MigrateAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 200; i++)
        {
            await using var scope = _services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<IPasswordSignIn>().SignUpAsync($"user{i}@example.com", "benchmark password", $"User {i}", ClientInfo.None);
            ids.Add(result.User.Id);
        }

        _ids = [.. ids];
        _raw = NpgsqlDataSource.Create(connectionString);
        _warm = _services.CreateAsyncScope();
        _warmUsers = _warm.ServiceProvider.GetRequiredService<Modules.Auth.Repositories.UserRepository>();
        _warmContext = _warm.ServiceProvider.GetRequiredService<AuthDbContext>();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _warm.DisposeAsync();
        await _raw.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task<string?> RawNpgsql()
    {
        await using var command = _raw.CreateCommand("SELECT email FROM auth.users WHERE public_id = $1 AND deleted_at IS NULL LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter { Value = NextId() });
        return (string?)await command.ExecuteScalarAsync();
    }

    [Benchmark]
    public async Task<string?> StrataRepositoryCompiled()
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Modules.Auth.Repositories.UserRepository>();
        return (await users.FindByPublicIdAsync(NextId()))?.Email;
    }

    [Benchmark]
    public async Task<string?> PlainLinqNoTracking()
    {
        await using var scope = _services.CreateAsyncScope();
        var id = NextId();
        var context = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
        return (await context.Users.AsNoTracking().FirstOrDefaultAsync(u => u.PublicId == id))?.Email;
    }

    /// <summary>The query alone: one long-lived scope, so session and context set-up are not counted.</summary>
    [Benchmark]
    public async Task<string?> StrataRepositoryCompiledWarmScope() => (await _warmUsers.FindByPublicIdAsync(NextId()))?.Email;

    /// <summary>Plain LINQ in the same long-lived scope.</summary>
    [Benchmark]
    public async Task<string?> PlainLinqNoTrackingWarmScope()
    {
        var id = NextId();
        return (await _warmContext.Users.AsNoTracking().FirstOrDefaultAsync(u => u.PublicId == id))?.Email;
    }

    private Guid NextId() => _ids[_next++ % _ids.Length];
}
