using Microsoft.EntityFrameworkCore;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Data.Repositories;
using Strata.Modules.Workspaces.Schema;
using Strata.Modules.Workspaces.Services;

namespace Strata.Modules.Workspaces.Repositories;

internal sealed class InvitationRepository(WorkspacesDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<Invitation>(context, cursors, clock)
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
    /// <paramref name="normalizedEmail"/>, the caller's verified email from auth's directory; on SQLite its twin
    /// <see cref="AcceptOnSqliteAsync"/>. Both answer an <see cref="InvitationAcceptanceOutcome"/>.
    /// </summary>
    public Task<InvitationAcceptance> AcceptAsync(string tokenHash, Guid userId, string normalizedEmail, DateTime now, CancellationToken cancellationToken)
    {
        var memberId = Guid.CreateVersion7(new DateTimeOffset(now, TimeSpan.Zero));
        return context.Provider == DatabaseProvider.Postgres
            ? AcceptOnPostgresAsync(tokenHash, normalizedEmail, now, memberId, cancellationToken)
            : AcceptOnSqliteAsync(tokenHash, userId, normalizedEmail, now, memberId, cancellationToken);
    }

    /// <summary>
    /// <c>workspaces.accept_invitation</c> in <c>Scripts/Postgres/010_functions.sql</c>; its twin is
    /// <see cref="AcceptOnSqliteAsync"/>. The function's <c>outcome</c> text is an <see cref="InvitationAcceptanceOutcome"/>
    /// member's name in snake_case.
    /// </summary>
    private async Task<InvitationAcceptance> AcceptOnPostgresAsync(
        string tokenHash, string normalizedEmail, DateTime now, Guid memberId, CancellationToken cancellationToken)
    {
        var row = await context.Database.SqlQuery<AcceptInvitationRow>($"""
            SELECT outcome AS "Outcome", workspace_public_id AS "WorkspacePublicId", role AS "Role"
            FROM workspaces.accept_invitation({tokenHash}, {normalizedEmail}, {now}, {memberId})
            """).SingleAsync(cancellationToken);
        var outcome = Enum.Parse<InvitationAcceptanceOutcome>(row.Outcome.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true);
        return new(outcome, row.WorkspacePublicId, row.Role is null ? null : WorkspaceRoles.Parse(row.Role));
    }

    /// <summary>
    /// The C# twin of <c>workspaces.accept_invitation</c> (<c>Scripts/Postgres/010_functions.sql</c>): the same checks in
    /// the same order, with the same outcomes. The tenant filter is lifted, and the unit's write lock serialises
    /// concurrent accepts. A change to one is a change to the other.
    /// </summary>
    private async Task<InvitationAcceptance> AcceptOnSqliteAsync(
        string tokenHash, Guid userId, string normalizedEmail, DateTime now, Guid memberId, CancellationToken cancellationToken)
    {
        var invitation = await Set.IgnoreQueryFilters([StrataQueryFilters.Tenant]).FirstOrDefaultAsync(i => i.TokenHash == tokenHash, cancellationToken);
        if (invitation is null)
        {
            return new(InvitationAcceptanceOutcome.Unknown);
        }

        // Read apart, not with Include: the soft-delete filter hides a deleted workspace, and the Include of a required
        // navigation would then hide the invitation too (an inner join), answering unknown where the function says revoked.
        var workspace = await context.Workspaces.IgnoreQueryFilters([StrataQueryFilters.Tenant])
            .FirstOrDefaultAsync(w => w.Id == invitation.WorkspaceId, cancellationToken);

        if (invitation.Status == Invitation.Pending && invitation.ExpiresAt <= now)
        {
            invitation.Status = Invitation.Expired;
            await SaveAsync(cancellationToken);
        }

        // An invitation to a deleted workspace is as good as revoked.
        if (invitation.Status != Invitation.Pending || workspace is null)
        {
            return new(workspace is null ? InvitationAcceptanceOutcome.Revoked : invitation.Status switch
            {
                Invitation.Accepted => InvitationAcceptanceOutcome.Used,
                Invitation.Expired => InvitationAcceptanceOutcome.Expired,
                _ => InvitationAcceptanceOutcome.Revoked,
            });
        }

        if (invitation.NormalizedEmail != normalizedEmail)
        {
            return new(InvitationAcceptanceOutcome.EmailMismatch);
        }

        var members = context.Members.IgnoreQueryFilters([StrataQueryFilters.Tenant]);
        if (await members.AnyAsync(m => m.WorkspaceId == invitation.WorkspaceId && m.UserId == userId, cancellationToken))
        {
            return new(InvitationAcceptanceOutcome.AlreadyMember, workspace.PublicId);
        }

        context.Members.Add(new Member { PublicId = memberId, WorkspaceId = invitation.WorkspaceId, UserId = userId, Role = invitation.Role, JoinedAt = now });
        invitation.Status = Invitation.Accepted;
        invitation.AcceptedBy = userId;
        invitation.AcceptedAt = now;
        await SaveAsync(cancellationToken);
        return new(InvitationAcceptanceOutcome.Joined, workspace.PublicId, invitation.Role);
    }

    /// <summary>A row of <c>workspaces.accept_invitation</c>, as the function writes it.</summary>
    private sealed class AcceptInvitationRow
    {
        public string Outcome { get; set; } = string.Empty;

        public Guid? WorkspacePublicId { get; set; }

        public string? Role { get; set; }
    }
}
