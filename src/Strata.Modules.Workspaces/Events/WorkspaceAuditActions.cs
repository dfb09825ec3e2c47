namespace Strata.Modules.Workspaces.Events;

/// <summary>The audit actions this module writes through the auth module's audit log.</summary>
public static class WorkspaceAuditActions
{
    /// <summary>A workspace created.</summary>
    public const string Created = "workspace_created";

    /// <summary>A workspace's name, slug or settings changed.</summary>
    public const string Updated = "workspace_updated";

    /// <summary>A workspace deleted (soft).</summary>
    public const string Deleted = "workspace_deleted";

    /// <summary>A member's role changed.</summary>
    public const string MemberRoleChanged = "workspace_member_role_changed";

    /// <summary>A member removed, or left.</summary>
    public const string MemberRemoved = "workspace_member_removed";

    /// <summary>An invitation sent (or re-sent, replacing the pending one).</summary>
    public const string InvitationCreated = "workspace_invitation_created";

    /// <summary>An invitation revoked.</summary>
    public const string InvitationRevoked = "workspace_invitation_revoked";

    /// <summary>An invitation accepted: a member joined.</summary>
    public const string InvitationAccepted = "workspace_invitation_accepted";
}
