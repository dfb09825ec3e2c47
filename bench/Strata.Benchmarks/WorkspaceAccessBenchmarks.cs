using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Strata.Data;
using Strata.Data.Migrations;
using Strata.Data.Sessions;
using Strata.Modules.Auth;
using Strata.Modules.Auth.Services;
using Strata.Modules.Workspaces;
using Strata.Modules.Workspaces.Services;

namespace Strata.Benchmarks;

/// <summary>
/// The workspace membership check every tenant-scoped request makes, on PostgreSQL as the application role, so
/// row-level security is in the path: raw Npgsql (a transaction carrying the context, then the lookup — the floor)
/// against <see cref="IWorkspaceAccess.RequireRoleAsync"/> in a new scope, as the API runs it. Needs a server:
/// <c>STRATA_BENCH_POSTGRES</c> (see <see cref="BenchDatabase"/>) and the
/// <c>strata_app</c>/<c>strata_app</c> role (<c>scripts/postgres-dev-setup.sh</c>).
/// </summary>
[MemoryDiagnoser]
public class WorkspaceAccessBenchmarks
{
    private const string Database = "strata_bench_access";
    private ServiceProvider _services = null!;
    private NpgsqlDataSource _raw = null!;
    private (Guid User, Guid Workspace)[] _memberships = [];
    private int _next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var owner = await BenchDatabase.RecreateAsync(Database);
        var application = new NpgsqlConnectionStringBuilder(owner) { Username = "strata_app", Password = "strata_app" }.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Strata:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Strata"] = application,
            ["ConnectionStrings:StrataMigrations"] = owner,
            ["Strata:Auth:PasswordIterations"] = "1000",
        }).Build();
        _services = new ServiceCollection().AddStrata(configuration, s => s.AddModule<AuthModule>().AddModule<WorkspacesModule>()).BuildServiceProvider();
        await _services.GetRequiredService<StrataMigrator>().MigrateAsync();
        var memberships = new List<(Guid, Guid)>();
        for (var i = 0; i < 100; i++)
        {
            await using var scope = _services.CreateAsyncScope();
            var user = (await scope.ServiceProvider.GetRequiredService<IPasswordSignIn>().SignUpAsync($"user{i}@example.com", "benchmark password", $"User {i}", ClientInfo.None)).User.Id;
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(user);
            var workspace = await scope.ServiceProvider.GetRequiredService<IWorkspaceService>().CreateAsync($"Workspace {i}", null);
            memberships.Add((user, workspace.Id));
        }

        _memberships = [.. memberships];
        _raw = NpgsqlDataSource.Create(application);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _raw.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task<string?> RawNpgsql()
    {
        var (user, workspace) = Next();
        await using var connection = await _raw.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT set_config('strata.user_id', $1, true)") { Parameters = { new() { Value = user.ToString() } } },
                new NpgsqlBatchCommand(
                    "SELECT m.role FROM workspaces.members m JOIN workspaces.workspaces w ON w.id = m.workspace_id " +
                    "WHERE w.public_id = $1 AND m.user_id = $2 AND w.deleted_at IS NULL LIMIT 1")
                {
                    Parameters = { new() { Value = workspace }, new() { Value = user } },
                },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.NextResultAsync();
        var role = await reader.ReadAsync() ? reader.GetString(0) : null;
        await reader.DisposeAsync();
        await transaction.CommitAsync();
        return role;
    }

    [Benchmark]
    public async Task<WorkspaceRole> StrataRequireRole()
    {
        var (user, workspace) = Next();
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(user);
        return await scope.ServiceProvider.GetRequiredService<IWorkspaceAccess>().RequireRoleAsync(workspace, WorkspaceRole.Viewer);
    }

    private (Guid User, Guid Workspace) Next() => _memberships[_next++ % _memberships.Length];
}
