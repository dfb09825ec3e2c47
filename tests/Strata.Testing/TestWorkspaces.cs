using Microsoft.Extensions.DependencyInjection;
using Strata.Modules.Workspaces.Services;

namespace Strata.Testing;

/// <summary>Workspaces and their members, made through the workspaces module's public services, each step as its user.</summary>
public static class TestWorkspaces
{
    /// <summary>A workspace owned by <paramref name="owner"/>.</summary>
    public static Task<WorkspaceDto> WorkspaceAsync(this TestDatabase db, Guid owner, string name = "Acme") =>
        db.AsAsync(owner, services => services.GetRequiredService<IWorkspaceService>().CreateAsync(name, null));

    /// <summary>A workspace of <paramref name="owner"/> with a pending invitation, so every table has a row.</summary>
    public static async Task<WorkspaceDto> PopulatedWorkspaceAsync(this TestDatabase db, Guid owner)
    {
        var workspace = await db.WorkspaceAsync(owner);
        await db.AsAsync(owner, services => services.GetRequiredService<IInvitationService>().InviteAsync(workspace.Id, "invitee@example.com", WorkspaceRole.Member));
        return workspace;
    }

    /// <summary>
    /// A new user with a verified email who joined <paramref name="workspace"/> as <paramref name="role"/>: invited by
    /// <paramref name="owner"/>, accepted by themselves.
    /// </summary>
    public static async Task<Guid> MemberAsync(this TestDatabase db, Guid owner, Guid workspace, WorkspaceRole role = WorkspaceRole.Member)
    {
        var email = TestUsers.NewEmail();
        var member = await db.VerifiedUserAsync(email);
        var issued = await db.AsAsync(owner, services => services.GetRequiredService<IInvitationService>().InviteAsync(workspace, email, role));
        await db.AsAsync(member, services => services.GetRequiredService<IInvitationService>().AcceptAsync(issued.Token));
        return member;
    }
}
