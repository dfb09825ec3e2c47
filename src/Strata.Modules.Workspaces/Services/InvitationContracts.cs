namespace Strata.Modules.Workspaces.Repositories;

/// <summary>
/// What accepting an invitation found: <c>joined</c>, <c>unknown</c>, <c>used</c> (accepted before), <c>expired</c>,
/// <c>revoked</c>, <c>email_mismatch</c> or <c>already_member</c>; with the workspace, and the role when a membership
/// was created. The same outcomes on both providers: <c>workspaces.accept_invitation</c> on PostgreSQL.
/// </summary>
internal sealed class InvitationAcceptance
{
    public string Outcome { get; set; } = string.Empty;

    public Guid? WorkspacePublicId { get; set; }

    public string? Role { get; set; }
}
