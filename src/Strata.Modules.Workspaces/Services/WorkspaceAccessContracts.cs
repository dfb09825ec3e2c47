namespace Strata.Modules.Workspaces.Services;

/// <summary>
/// A user's membership as access checks need it: the workspace's internal id and the role. What
/// <see cref="WorkspaceAccess.RequireAsync"/> hands this module's services; never leaves the module.
/// </summary>
/// <param name="WorkspaceId">The workspace's internal key.</param>
/// <param name="Role">The user's role in it.</param>
internal sealed record MembershipRow(long WorkspaceId, WorkspaceRole Role);

/// <summary>A workspace read together with the caller's role in it: the access check and the read in one query.</summary>
/// <param name="Workspace">The workspace row.</param>
/// <param name="Role">The caller's role in it.</param>
internal sealed record MemberWorkspace(Schema.Workspace Workspace, WorkspaceRole Role);
