using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Strata.Data.Sessions;
using Strata.Modules.Auth;
using Strata.Modules.Auth.Services;
using Strata.Modules.Workspaces;
using Strata.Modules.Workspaces.Services;

namespace Strata.Benchmarks;

/// <summary>
/// P1b: the workspace membership check every tenant-scoped request makes, on PostgreSQL as <c>strata_app</c>, so
/// row-level security is in the path: <see cref="IWorkspaceAccess.RequireRoleAsync"/> in a new scope, as the API runs
/// it, against the same semantics written by hand with raw Npgsql on a pooled data source. The baseline is what a
/// hand-written unit of work reaches when user code decides its queries: the transaction's deferred <c>BEGIN</c>, the
/// transaction-local <c>set_config</c> and the query in one batch, then <c>COMMIT</c> — two round trips. The absolute
/// floor, all four statements in one batch (one round trip), is extra information. 100 users, each owning a workspace.
/// </summary>
[MemoryDiagnoser]
public class WorkspaceAccessBenchmarks
{
    private const string SetTenant = "SELECT set_config('strata.user_id', $1, true)";
    private const string MembershipSql =
        "SELECT m.role FROM workspaces.members m JOIN workspaces.workspaces w ON w.id = m.workspace_id " +
        "WHERE w.public_id = $1 AND m.user_id = $2 AND w.deleted_at IS NULL LIMIT 1";
    private Memberships _memberships = null!;
    private NpgsqlDataSource _raw = null!;
    private int _next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _memberships = await SharedSetup<Memberships>.GetAsync(Memberships.CreateAsync);
        _raw = NpgsqlDataSource.Create(_memberships.Database.ConnectionString);
        // A hand-written way that silently missed the membership (the policies hiding it) would measure less work.
        if (await RawUnitOfWork() is null || await RawOneBatch() is null)
        {
            throw new InvalidOperationException("A raw membership check found no role for a user in their own workspace.");
        }
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _raw.DisposeAsync().AsTask();

    /// <summary>The hand-written unit of work: <c>BEGIN</c> + <c>set_config</c> + query in one batch, then <c>COMMIT</c>.</summary>
    [Benchmark(Baseline = true)]
    public async Task<string?> RawUnitOfWork()
    {
        var (user, workspace) = Next();
        await using var connection = await _raw.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        string? role;
        await using (var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { TenantCommand(user), MembershipCommand(user, workspace) } })
        await using (var reader = await batch.ExecuteReaderAsync())
        {
            await reader.NextResultAsync();
            role = await reader.ReadAsync() ? reader.GetString(0) : null;
        }

        await transaction.CommitAsync();
        return role;
    }

    /// <summary>The absolute floor: <c>BEGIN; set_config; query; COMMIT</c> in one batch, one round trip.</summary>
    [Benchmark]
    public async Task<string?> RawOneBatch()
    {
        var (user, workspace) = Next();
        await using var connection = await _raw.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands = { new("BEGIN"), TenantCommand(user), MembershipCommand(user, workspace), new("COMMIT") },
        };
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.NextResultAsync();
        return await reader.ReadAsync() ? reader.GetString(0) : null;
    }

    [Benchmark]
    public async Task<WorkspaceRole> StrataRequireRole()
    {
        var (user, workspace) = Next();
        await using var scope = _memberships.Database.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(user);
        return await scope.ServiceProvider.GetRequiredService<IWorkspaceAccess>().RequireRoleAsync(workspace, WorkspaceRole.Viewer);
    }

    private static NpgsqlBatchCommand TenantCommand(Guid user) =>
        new(SetTenant) { Parameters = { new NpgsqlParameter<string> { TypedValue = user.ToString() } } };

    private static NpgsqlBatchCommand MembershipCommand(Guid user, Guid workspace) =>
        new(MembershipSql) { Parameters = { new NpgsqlParameter<Guid> { TypedValue = workspace }, new NpgsqlParameter<Guid> { TypedValue = user } } };

    private (Guid User, Guid Workspace) Next() => _memberships.Pairs[_next++ % _memberships.Pairs.Length];

    /// <summary>The database served as <c>strata_app</c>, and 100 (user, workspace they own) pairs.</summary>
    private sealed record Memberships(BenchDatabase Database, (Guid User, Guid Workspace)[] Pairs)
    {
        public static async Task<Memberships> CreateAsync()
        {
            var database = await BenchDatabase.PostgresAsync(
                "strata_bench_access", s => s.AddModule<AuthModule>().AddModule<WorkspacesModule>(), asApplicationRole: true);
            var pairs = new (Guid, Guid)[BenchRun.Rows(100)];
            for (var i = 0; i < pairs.Length; i++)
            {
                await using var scope = database.Services.CreateAsyncScope();
                var user = (await scope.ServiceProvider.GetRequiredService<IPasswordSignIn>()
                    .SignUpAsync($"user{i}@example.com", "benchmark password", $"User {i}", ClientInfo.None)).User.Id;
                scope.ServiceProvider.GetRequiredService<TenantContext>().Set(user);
                pairs[i] = (user, (await scope.ServiceProvider.GetRequiredService<IWorkspaceService>().CreateAsync($"Workspace {i}", null)).Id);
            }

            return new Memberships(database, pairs);
        }
    }
}
