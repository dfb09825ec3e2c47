using Strata.Modules.Auth.Events;
using Strata.Modules.Auth.Services;

namespace Strata.Modules.Workspaces.Events;

/// <summary>How this module's changes reach auth's audit log: one row shape, <c>workspace:{id}</c> as the target.</summary>
internal static class WorkspaceAudit
{
    /// <summary>Records that <paramref name="actorId"/> made the change <paramref name="action"/> (<see cref="WorkspaceAuditActions"/>) to the workspace.</summary>
    public static Task RecordWorkspaceChangeAsync(
        this IAuditTrail audit, string action, Guid actorId, Guid workspaceId, CancellationToken cancellationToken, params (string Key, string Value)[] metadata) =>
        audit.RecordAsync(action, actorId, AuditTargets.Workspace(workspaceId), AuditOutcomes.Success, ClientInfo.None, cancellationToken, metadata);
}
