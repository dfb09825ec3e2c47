namespace Strata.Modules.Workspaces.Services;

/// <summary>
/// The scope's user's standing in a workspace, for this module and for others with tenant-scoped data (vendors,
/// customers). The user is the scope's tenant (<see cref="Strata.Data.Sessions.TenantContext"/>).
/// </summary>
public interface IWorkspaceAccess
{
    /// <summary>The user's role in the live workspace, or null when they are not a member (or it does not exist).</summary>
    Task<WorkspaceRole?> GetRoleAsync(Guid workspaceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The user's role, when it is at least <paramref name="minimumRole"/>. Not a member: 404
    /// <c>workspaces.not_found</c> (a workspace you cannot see does not exist for you); a lower role: 403
    /// <c>workspaces.forbidden</c>; no user: 401.
    /// </summary>
    Task<WorkspaceRole> RequireRoleAsync(Guid workspaceId, WorkspaceRole minimumRole, CancellationToken cancellationToken = default);
}
