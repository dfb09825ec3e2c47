using Microsoft.EntityFrameworkCore;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Data.Repositories;
using Strata.Modules.Workspaces.Schema;
using Strata.Modules.Workspaces.Services;

namespace Strata.Modules.Workspaces.Repositories;

internal sealed class InvitationRepository(WorkspacesDbContext context) : Repository<Invitation>(context)
{
    /// <summary>The code of an invitation that does not exist or is no longer pending.</summary>
    public const string InvitationNotFoundCode = "workspaces.invitation_not_found";

    protected override string NotFoundCode => InvitationNotFoundCode;

    public async Task<IReadOnlyList<Invitation>> ListPendingAsync(long workspaceId, DateTime now, CancellationToken cancellationToken) =>
        await Query.Where(i => i.WorkspaceId == workspaceId && i.Status == Invitation.Pending && i.ExpiresAt > now)
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).ToListAsync(cancellationToken);

    public Task<Invitation?> FindForUpdateAsync(long workspaceId, Guid invitationId, CancellationToken cancellationToken) =>
        Set.FirstOrDefaultAsync(i => i.WorkspaceId == workspaceId && i.PublicId == invitationId, cancellationToken);

    /// <summary>Revokes the address's pending invitation, if any: a new invitation replaces it.</summary>
    public Task<int> RevokePendingAsync(long workspaceId, string normalizedEmail, DateTime now, CancellationToken cancellationToken) =>
        Set.Where(i => i.WorkspaceId == workspaceId && i.NormalizedEmail == normalizedEmail && i.Status == Invitation.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, Invitation.Revoked).SetProperty(i => i.UpdatedAt, now), cancellationToken);

    /// <summary>
    /// Accepts the invitation with this token hash for the user, creating the membership and closing the invitation
    /// in one step. The caller is not a member yet, so no tenant rule lets them see the invitation: on PostgreSQL the
    /// owner's <c>workspaces.accept_invitation</c> does it (locking the invitation row) for the scope's user — the
    /// same as <paramref name="userId"/>, which it takes from the scope so that no caller can name another — given
    /// <paramref name="normalizedEmail"/>, the caller's verified email from auth's directory; on SQLite the tenant
    /// filter is lifted, and the unit's write lock serialises concurrent accepts.
    /// </summary>
    public async Task<InvitationAcceptance> AcceptAsync(
        string tokenHash, Guid userId, string normalizedEmail, DateTime now, CancellationToken cancellationToken)
    {
        var memberId = Guid.CreateVersion7(new DateTimeOffset(now, TimeSpan.Zero));
        if (context.Provider == DatabaseProvider.Postgres)
        {
            return await context.Database.SqlQuery<InvitationAcceptance>($"""
                SELECT outcome AS "Outcome", workspace_public_id AS "WorkspacePublicId", role AS "Role"
                FROM workspaces.accept_invitation({tokenHash}, {normalizedEmail}, {now}, {memberId})
                """).SingleAsync(cancellationToken);
        }

        var invitation = await Set.IgnoreQueryFilters([StrataQueryFilters.Tenant]).Include(i => i.Workspace)
            .FirstOrDefaultAsync(i => i.TokenHash == tokenHash, cancellationToken);
        if (invitation is null)
        {
            return new() { Outcome = "unknown" };
        }

        if (invitation.Status == Invitation.Pending && invitation.ExpiresAt <= now)
        {
            invitation.Status = Invitation.Expired;
            await SaveAsync(cancellationToken);
        }

        // The soft-delete filter hides a deleted workspace from Include: an invitation to one is as good as revoked.
        if (invitation.Status != Invitation.Pending || invitation.Workspace is null)
        {
            return new() { Outcome = invitation.Workspace is null ? "revoked" : invitation.Status == Invitation.Accepted ? "used" : invitation.Status };
        }

        if (invitation.NormalizedEmail != normalizedEmail)
        {
            return new() { Outcome = "email_mismatch" };
        }

        var members = context.Members.IgnoreQueryFilters([StrataQueryFilters.Tenant]);
        if (await members.AnyAsync(m => m.WorkspaceId == invitation.WorkspaceId && m.UserId == userId, cancellationToken))
        {
            return new() { Outcome = "already_member", WorkspacePublicId = invitation.Workspace.PublicId };
        }

        context.Members.Add(new Member { PublicId = memberId, WorkspaceId = invitation.WorkspaceId, UserId = userId, Role = invitation.Role, JoinedAt = now });
        invitation.Status = Invitation.Accepted;
        invitation.AcceptedBy = userId;
        invitation.AcceptedAt = now;
        await SaveAsync(cancellationToken);
        return new() { Outcome = "joined", WorkspacePublicId = invitation.Workspace.PublicId, Role = WorkspaceRoles.Name(invitation.Role) };
    }
}
