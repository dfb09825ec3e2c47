namespace Strata.Modules.Workspaces.Services;

/// <summary>
/// Workspaces and their members, for the scope's user (the tenant). A workspace the user is not a member of answers
/// 404 <c>workspaces.not_found</c>; too low a role answers 403 <c>workspaces.forbidden</c>.
/// </summary>
public interface IWorkspaceService
{
    /// <summary>Creates a workspace with the user as its owner. Slug: given (409 <c>workspaces.slug_taken</c> when held) or made from the name.</summary>
    Task<WorkspaceDto> CreateAsync(string name, string? slug, CancellationToken cancellationToken = default);

    /// <summary>The user's workspaces, by name.</summary>
    Task<IReadOnlyList<WorkspaceDto>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>One workspace (any member).</summary>
    Task<WorkspaceDto> GetAsync(Guid workspaceId, CancellationToken cancellationToken = default);

    /// <summary>Changes name, slug or settings (admins and owners).</summary>
    Task<WorkspaceDto> UpdateAsync(Guid workspaceId, WorkspaceChanges changes, CancellationToken cancellationToken = default);

    /// <summary>Deletes the workspace, restorably (owners).</summary>
    Task DeleteAsync(Guid workspaceId, CancellationToken cancellationToken = default);

    /// <summary>The members, oldest first, with names and emails from the auth module (one lookup for all).</summary>
    Task<IReadOnlyList<MemberDto>> ListMembersAsync(Guid workspaceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes a member's role (admins; making or unmaking an owner needs an owner, or an admin while the workspace
    /// has none). The last owner cannot be demoted: 409 <c>workspaces.last_owner</c>.
    /// </summary>
    Task<MemberDto> ChangeRoleAsync(Guid workspaceId, Guid userId, WorkspaceRole role, CancellationToken cancellationToken = default);

    /// <summary>Removes a member (admins; owners only by owners), or lets the user leave. The last owner cannot: 409 <c>workspaces.last_owner</c>.</summary>
    Task RemoveMemberAsync(Guid workspaceId, Guid userId, CancellationToken cancellationToken = default);
}
