using Strata.Modules.Workspaces.Services;

namespace Strata.Modules.Workspaces.Repositories;

/// <summary>A user's membership as access checks need it: the workspace's internal id and the role.</summary>
internal sealed record MembershipRow(long WorkspaceId, WorkspaceRole Role);
