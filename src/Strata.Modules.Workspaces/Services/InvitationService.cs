using Microsoft.Extensions.Options;
using Strata.Data.Conventions;
using Strata.Data.Errors;
using Strata.Data.Security;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Services;
using Strata.Modules.Workspaces.Configuration;
using Strata.Modules.Workspaces.Events;
using Strata.Modules.Workspaces.Repositories;
using Strata.Modules.Workspaces.Schema;

namespace Strata.Modules.Workspaces.Services;

/// <inheritdoc />
internal sealed class InvitationService(
    DatabaseSession database,
    WorkspaceAccess access,
    InvitationRepository invitations,
    IUserDirectory users,
    IAuditTrail audit,
    IMailSender mail,
    MailTemplate template,
    IOptions<WorkspacesOptions> options,
    TimeProvider clock) : IInvitationService
{
    /// <summary>The outbox kind of invitation mails.</summary>
    public const string InvitationMailKind = "workspace_invitation";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<IssuedInvitation> InviteAsync(Guid workspaceId, string email, WorkspaceRole role, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(role))
        {
            throw new ValidationError("workspaces.invalid_role", "role", "The role must be owner, admin, member or viewer.");
        }

        if (!EmailAddresses.IsValid(email))
        {
            throw new ValidationError("workspaces.invalid_email", "email", "The invitation needs an email address.");
        }

        return database.InTransactionAsync(async token =>
        {
            var actor = await access.RequireAsync(workspaceId, role == WorkspaceRole.Owner ? WorkspaceRole.Owner : WorkspaceRole.Admin, token);
            var now = Now;
            await invitations.RevokePendingAsync(actor.WorkspaceId, TextNormalization.Normalize(email), now, token);
            var secret = SecretTokens.New();
            var invitation = await invitations.AddAsync(new Invitation
            {
                WorkspaceId = actor.WorkspaceId,
                Email = email,
                Role = role,
                TokenHash = SecretTokens.Hash(secret),
                ExpiresAt = now + options.Value.InvitationLifetime,
                InvitedBy = access.CurrentUser,
            }, token);
            await audit.RecordWorkspaceChangeAsync(WorkspaceAuditActions.InvitationCreated, access.CurrentUser, workspaceId, token,
                ("invitation", invitation.PublicId.ToString()), ("role", WorkspaceRoles.Name(role)));
            await mail.SendAsync(InvitationMail(email, role, secret), token);
            return new IssuedInvitation(ToDto(invitation), secret);
        }, cancellationToken: cancellationToken);
    }

    public Task<IReadOnlyList<InvitationDto>> ListPendingAsync(Guid workspaceId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync<IReadOnlyList<InvitationDto>>(async token =>
        {
            var actor = await access.RequireAsync(workspaceId, WorkspaceRole.Admin, token);
            return [.. (await invitations.ListPendingAsync(actor.WorkspaceId, Now, token)).Select(ToDto)];
        }, TransactionOptions.Reading, cancellationToken);

    public Task RevokeAsync(Guid workspaceId, Guid invitationId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var actor = await access.RequireAsync(workspaceId, WorkspaceRole.Admin, token);
            var invitation = await invitations.FindForUpdateAsync(actor.WorkspaceId, invitationId, token);
            if (invitation is not { Status: Invitation.Pending })
            {
                throw NotFoundError.For("invitation", invitationId, InvitationRepository.InvitationNotFoundCode);
            }

            invitation.Status = Invitation.Revoked;
            await invitations.UpdateAsync(invitation, token);
            await audit.RecordWorkspaceChangeAsync(WorkspaceAuditActions.InvitationRevoked, access.CurrentUser, workspaceId, token, ("invitation", invitationId.ToString()));
        }, cancellationToken: cancellationToken);

    public async Task<MembershipDto> AcceptAsync(string token, CancellationToken cancellationToken = default)
    {
        var caller = access.CurrentUser;
        var user = await users.FindAsync(caller, cancellationToken) ?? throw new UnauthorizedError("auth.unauthorized", "Sign in first.");
        // The only verified-email check: the database function matches the email it is handed and reads no auth table.
        if (!user.EmailVerified)
        {
            throw new ForbiddenError("workspaces.email_unverified", "Verify your email address before accepting an invitation.");
        }

        // The unit commits whatever the outcome: an invitation found past its expiry is marked expired for good.
        var acceptance = await database.InTransactionAsync(async cancel =>
        {
            var result = await invitations.AcceptAsync(SecretTokens.Hash(token), caller, TextNormalization.Normalize(user.Email), Now, cancel);
            if (result.Outcome == InvitationAcceptanceOutcome.Joined)
            {
                await audit.RecordWorkspaceChangeAsync(WorkspaceAuditActions.InvitationAccepted, caller, result.WorkspacePublicId!.Value, cancel,
                    ("role", WorkspaceRoles.Name(result.Role!.Value)));
            }

            return result;
        }, cancellationToken: cancellationToken);

        return acceptance.Outcome switch
        {
            InvitationAcceptanceOutcome.Joined => new MembershipDto(acceptance.WorkspacePublicId!.Value, acceptance.Role!.Value),
            InvitationAcceptanceOutcome.Used => throw new GoneError("workspaces.invitation_used", "This invitation was already accepted."),
            InvitationAcceptanceOutcome.Expired => throw new GoneError("workspaces.invitation_expired", "This invitation has expired; ask for a new one."),
            InvitationAcceptanceOutcome.Revoked => throw new GoneError("workspaces.invitation_revoked", "This invitation was revoked or replaced."),
            InvitationAcceptanceOutcome.EmailMismatch => throw new ForbiddenError("workspaces.invitation_email_mismatch", "This invitation is for another email address."),
            InvitationAcceptanceOutcome.AlreadyMember => throw new ConflictError("workspaces.already_member", "You are already a member of this workspace."),
            _ => throw new ValidationError("workspaces.invalid_invitation", "token", "The invitation token is not valid."),
        };
    }

    private static InvitationDto ToDto(Invitation invitation) =>
        new(invitation.PublicId, invitation.Email, invitation.Role, invitation.Status, invitation.ExpiresAt, invitation.InvitedBy, invitation.CreatedAt);

    private OutgoingMail InvitationMail(string email, WorkspaceRole role, string secret) => MailTemplate.Compose(email, InvitationMailKind,
        "You are invited to a workspace",
        $"You have been invited to join a workspace as {WorkspaceRoles.Name(role)}. Sign in, or sign up, with this email address and accept the invitation.",
        secret, template.Link("invitations/accept", ("token", secret)), "Accept the invitation",
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"The invitation expires in {options.Value.InvitationLifetime.TotalDays:0.#} days. If you did not expect it, ignore this message."));
}
