namespace Strata.Modules.Workspaces.Services;

/// <summary>Invitations to a workspace: sent and revoked by its admins, accepted by the invitee.</summary>
public interface IInvitationService
{
    /// <summary>
    /// Invites an email address with a role (admins; <see cref="WorkspaceRole.Owner"/> only by owners). A pending
    /// invitation to the same address is replaced. The token is in the answer only.
    /// </summary>
    Task<IssuedInvitation> InviteAsync(Guid workspaceId, string email, WorkspaceRole role, CancellationToken cancellationToken = default);

    /// <summary>The pending, unexpired invitations (admins).</summary>
    Task<IReadOnlyList<InvitationDto>> ListPendingAsync(Guid workspaceId, CancellationToken cancellationToken = default);

    /// <summary>Revokes a pending invitation (admins); 404 when there is none with that id.</summary>
    Task RevokeAsync(Guid workspaceId, Guid invitationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Accepts an invitation as the scope's user, whose verified email must be the invited one: the membership is
    /// created and the invitation closed together. Refusals: 400 <c>workspaces.invalid_invitation</c>, 403
    /// <c>workspaces.email_unverified</c> / <c>workspaces.invitation_email_mismatch</c>, 409
    /// <c>workspaces.already_member</c>, 410 <c>workspaces.invitation_used</c> / <c>_expired</c> / <c>_revoked</c>.
    /// </summary>
    Task<MembershipDto> AcceptAsync(string token, CancellationToken cancellationToken = default);
}
