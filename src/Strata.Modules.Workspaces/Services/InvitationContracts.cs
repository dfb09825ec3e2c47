using System.ComponentModel.DataAnnotations;
using Strata.Modules.Workspaces.Schema;

namespace Strata.Modules.Workspaces.Services;

/// <summary>An invitation, as the workspace's admins see it.</summary>
/// <param name="Id">Public id.</param>
/// <param name="Email">Who is invited.</param>
/// <param name="Role">The role they get on accepting.</param>
/// <param name="Status"><c>pending</c>, <c>accepted</c>, <c>revoked</c> or <c>expired</c>.</param>
/// <param name="ExpiresAt">Until when it can be accepted.</param>
/// <param name="InvitedBy">The inviting user's public id.</param>
/// <param name="CreatedAt">When it was sent.</param>
public sealed record InvitationDto(
    Guid Id, string Email, WorkspaceRole Role,
    [property: AllowedValues(Invitation.Pending, Invitation.Accepted, Invitation.Revoked, Invitation.Expired)] string Status,
    DateTime ExpiresAt, Guid InvitedBy, DateTime CreatedAt);

/// <summary>A new invitation and its token — shown once, stored only as a hash; deliver it to the invitee.</summary>
/// <param name="Invitation">The invitation.</param>
/// <param name="Token">The secret the invitee accepts with.</param>
public sealed record IssuedInvitation(InvitationDto Invitation, string Token);

/// <summary>The membership an accepted invitation created.</summary>
/// <param name="WorkspaceId">The workspace joined.</param>
/// <param name="Role">The role held.</param>
public sealed record MembershipDto(Guid WorkspaceId, WorkspaceRole Role);

/// <summary>
/// What accepting an invitation found. Two twins decide it and must agree: on PostgreSQL the definer function
/// <c>workspaces.accept_invitation</c> (<c>Scripts/Postgres/010_functions.sql</c>), whose <c>outcome</c> column is the
/// member's name in snake_case (<c>email_mismatch</c>); on SQLite its C# twin beside the call,
/// <see cref="Repositories.InvitationRepository.AcceptOnSqliteAsync"/>.
/// </summary>
internal enum InvitationAcceptanceOutcome
{
    /// <summary>The membership was created and the invitation closed.</summary>
    Joined,

    /// <summary>No invitation has that token.</summary>
    Unknown,

    /// <summary>Accepted before.</summary>
    Used,

    /// <summary>Past its expiry (and now marked expired).</summary>
    Expired,

    /// <summary>Revoked, replaced by a newer invitation, or its workspace deleted.</summary>
    Revoked,

    /// <summary>Addressed to another email than the caller's.</summary>
    EmailMismatch,

    /// <summary>The caller is a member of the workspace already.</summary>
    AlreadyMember,
}

/// <summary>The outcome of accepting an invitation, with the workspace, and the role when a membership was created.</summary>
/// <param name="Outcome">What was found.</param>
/// <param name="WorkspacePublicId">The workspace (<see cref="InvitationAcceptanceOutcome.Joined"/> and <see cref="InvitationAcceptanceOutcome.AlreadyMember"/>).</param>
/// <param name="Role">The role held (<see cref="InvitationAcceptanceOutcome.Joined"/>).</param>
internal sealed record InvitationAcceptance(InvitationAcceptanceOutcome Outcome, Guid? WorkspacePublicId = null, WorkspaceRole? Role = null);
