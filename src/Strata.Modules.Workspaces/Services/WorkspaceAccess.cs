using Strata.Data.Errors;
using Strata.Data.Sessions;
using Strata.Modules.Workspaces.Repositories;

namespace Strata.Modules.Workspaces.Services;

/// <inheritdoc />
internal sealed class WorkspaceAccess(DatabaseSession database, MemberRepository members) : IWorkspaceAccess
{
    /// <summary>The scope's user; 401 without one.</summary>
    public Guid CurrentUser => database.Tenant.UserId ?? throw new UnauthorizedError("auth.unauthorized", "Sign in first.");

    public async Task<WorkspaceRole?> GetRoleAsync(Guid workspaceId, CancellationToken cancellationToken = default) =>
        (await FindAsync(workspaceId, cancellationToken))?.Role;

    public async Task<WorkspaceRole> RequireRoleAsync(Guid workspaceId, WorkspaceRole minimumRole, CancellationToken cancellationToken = default) =>
        (await RequireAsync(workspaceId, minimumRole, cancellationToken)).Role;

    /// <summary><see cref="RequireRoleAsync"/> with the workspace's internal id, for this module's services.</summary>
    public async Task<MembershipRow> RequireAsync(Guid workspaceId, WorkspaceRole minimumRole, CancellationToken cancellationToken)
    {
        var membership = await FindAsync(workspaceId, cancellationToken) ?? throw NotFoundError.For("workspace", workspaceId, WorkspaceRepository.WorkspaceNotFoundCode);
        if (membership.Role < minimumRole)
        {
            throw new ForbiddenError("workspaces.forbidden", $"This needs the {WorkspaceRoles.Name(minimumRole)} role in the workspace.");
        }

        return membership;
    }

    // In a (reading) unit: on PostgreSQL row-level security sees the tenant only inside a transaction.
    private Task<MembershipRow?> FindAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var user = CurrentUser;
        return database.InTransactionAsync(token => members.FindMembershipAsync(workspaceId, user, token), TransactionOptions.Reading, cancellationToken);
    }
}
