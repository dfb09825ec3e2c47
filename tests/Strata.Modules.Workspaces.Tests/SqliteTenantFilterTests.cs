using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Modules.Workspaces.Schema;
using Strata.Testing;

namespace Strata.Modules.Workspaces.Tests;

/// <summary>
/// SQLite's twin of row-level security: the tenant query filters, probed through the module's context with the
/// same questions the PostgreSQL tests ask with raw SQL.
/// </summary>
public sealed class SqliteTenantFilterTests(WorkspacesTestDatabases databases)
{
    [Fact]
    public async Task A_non_member_reads_nothing_of_another_workspace()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Sqlite);
        var workspace = await db.PopulatedWorkspaceAsync(await db.UserAsync());

        var (workspaces, members, invitations) = await db.AsAsync(await db.UserAsync(), CountsAsync);

        Assert.Equal((0, 0, 0), (workspaces, members, invitations));
        Assert.NotEqual(Guid.Empty, workspace.Id);
    }

    [Fact]
    public async Task A_non_member_changes_no_row_of_another_workspace()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Sqlite);
        await db.PopulatedWorkspaceAsync(await db.UserAsync());

        var changed = await db.AsAsync(await db.UserAsync(), async services =>
        {
            var context = services.GetRequiredService<WorkspacesDbContext>();
            return await context.Workspaces.ExecuteUpdateAsync(u => u.SetProperty(w => w.Name, "taken over"))
                + await context.Members.ExecuteUpdateAsync(u => u.SetProperty(m => m.JoinedAt, DateTime.UnixEpoch))
                + await context.Invitations.ExecuteDeleteAsync()
                + await context.Members.ExecuteDeleteAsync();
        });

        Assert.Equal(0, changed);
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT count(*) FROM workspaces_members"));
    }

    [Fact]
    public async Task Without_a_context_nothing_is_visible()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Sqlite);
        await db.PopulatedWorkspaceAsync(await db.UserAsync());

        Assert.Equal((0, 0, 0), await db.AsAsync(null, CountsAsync));
    }

    [Fact]
    public async Task A_member_sees_their_workspace_its_members_and_as_admin_its_invitations()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Sqlite);
        var owner = await db.UserAsync();
        await db.PopulatedWorkspaceAsync(owner);

        Assert.Equal((1, 1, 1), await db.AsAsync(owner, CountsAsync));
    }

    [Fact]
    public async Task Lifting_only_the_tenant_filter_keeps_soft_deleted_workspaces_hidden()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Sqlite);
        await db.WorkspaceAsync(await db.UserAsync(), "Live");
        await db.ScalarAsync<long>("UPDATE workspaces_workspaces SET deleted_at = '2026-01-01 00:00:00'; SELECT 1");

        var visible = await db.AsAsync(null, services =>
            services.GetRequiredService<WorkspacesDbContext>().Workspaces.IgnoreQueryFilters([StrataQueryFilters.Tenant]).CountAsync());

        Assert.Equal(0, visible);
    }

    private static async Task<(int Workspaces, int Members, int Invitations)> CountsAsync(IServiceProvider services)
    {
        var context = services.GetRequiredService<WorkspacesDbContext>();
        return (await context.Workspaces.CountAsync(), await context.Members.CountAsync(), await context.Invitations.CountAsync());
    }
}
