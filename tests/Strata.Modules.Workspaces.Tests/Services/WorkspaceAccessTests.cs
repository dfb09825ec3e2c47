using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Modules.Workspaces.Services;
using Strata.Testing;

namespace Strata.Modules.Workspaces.Tests;

public sealed class WorkspaceAccessTests(WorkspacesTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task The_owner_holds_the_owner_role(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);

        var role = await db.AsAsync(owner, services => services.GetRequiredService<IWorkspaceAccess>().RequireRoleAsync(workspace.Id, WorkspaceRole.Admin));

        Assert.Equal(WorkspaceRole.Owner, role);
    }

    [Theory, BothProviders]
    public async Task A_non_member_has_no_role_and_is_told_the_workspace_does_not_exist(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var workspace = await db.WorkspaceAsync(await db.UserAsync());
        var stranger = await db.UserAsync();

        var role = await db.AsAsync(stranger, services => services.GetRequiredService<IWorkspaceAccess>().GetRoleAsync(workspace.Id));
        var refusal = await Assert.ThrowsAsync<NotFoundError>(() =>
            db.AsAsync(stranger, services => services.GetRequiredService<IWorkspaceAccess>().RequireRoleAsync(workspace.Id, WorkspaceRole.Viewer)));

        Assert.Null(role);
        Assert.Equal("workspaces.not_found", refusal.Code);
    }

    [Theory, BothProviders]
    public async Task Without_a_signed_in_user_access_is_unauthorized(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var workspace = await db.WorkspaceAsync(await db.UserAsync());

        await Assert.ThrowsAsync<UnauthorizedError>(() =>
            db.AsAsync(null, services => services.GetRequiredService<IWorkspaceAccess>().RequireRoleAsync(workspace.Id, WorkspaceRole.Viewer)));
    }

    [Theory, BothProviders]
    public async Task The_membership_check_is_one_command(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);

        var commands = await db.AsAsync(owner, async services =>
        {
            var session = services.GetRequiredService<Strata.Data.Sessions.DatabaseSession>();
            await services.GetRequiredService<IWorkspaceAccess>().GetRoleAsync(workspace.Id);
            return session.CommandsExecuted;
        });

        Assert.Equal(1, commands);
    }
}
