using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Modules.Workspaces.Services;
using Strata.Testing;

namespace Strata.Modules.Workspaces.Tests;

/// <summary>Revoking an invitation the workspace does not have answers the workspaces area's code.</summary>
public sealed class InvitationRevocationTests(WorkspacesTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Revoking_an_unknown_invitation_answers_workspaces_invitation_not_found(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);

        var refusal = await Assert.ThrowsAsync<NotFoundError>(() => db.AsAsync(owner, async services =>
        {
            await services.GetRequiredService<IInvitationService>().RevokeAsync(workspace.Id, Guid.NewGuid());
            return true;
        }));

        Assert.Equal("workspaces.invitation_not_found", refusal.Code);
    }
}
