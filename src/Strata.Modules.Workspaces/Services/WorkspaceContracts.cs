using System.Text.Json;

namespace Strata.Modules.Workspaces.Services;

/// <summary>A workspace as one of its members sees it.</summary>
/// <param name="Id">Public id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Slug">URL name, unique among live workspaces.</param>
/// <param name="Metadata">Free-form settings (a JSON object).</param>
/// <param name="Role">The caller's role in it.</param>
/// <param name="NeedsOwner">True when its last owner's account was deleted: an admin should make someone owner.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record WorkspaceDto(
    Guid Id, string Name, string Slug, JsonElement Metadata, WorkspaceRole Role, bool NeedsOwner, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>Changes to a workspace; null leaves a field as it is.</summary>
/// <param name="Name">New name.</param>
/// <param name="Slug">New URL name.</param>
/// <param name="Metadata">New settings (a JSON object), replacing the old ones.</param>
public sealed record WorkspaceChanges(string? Name = null, string? Slug = null, JsonElement? Metadata = null);

/// <summary>A member of a workspace, with the user's name and email from the auth module.</summary>
/// <param name="UserId">The user's public id.</param>
/// <param name="Email">Their email (null when the account is gone).</param>
/// <param name="Name">Their display name (null when the account is gone).</param>
/// <param name="Role">Their role.</param>
/// <param name="JoinedAt">When they joined.</param>
public sealed record MemberDto(Guid UserId, string? Email, string? Name, WorkspaceRole Role, DateTime JoinedAt);

/// <summary>An invitation, as the workspace's admins see it.</summary>
/// <param name="Id">Public id.</param>
/// <param name="Email">Who is invited.</param>
/// <param name="Role">The role they get on accepting.</param>
/// <param name="Status"><c>pending</c>, <c>accepted</c>, <c>revoked</c> or <c>expired</c>.</param>
/// <param name="ExpiresAt">Until when it can be accepted.</param>
/// <param name="InvitedBy">The inviting user's public id.</param>
/// <param name="CreatedAt">When it was sent.</param>
public sealed record InvitationDto(Guid Id, string Email, WorkspaceRole Role, string Status, DateTime ExpiresAt, Guid InvitedBy, DateTime CreatedAt);

/// <summary>A new invitation and its token — shown once, stored only as a hash; deliver it to the invitee.</summary>
/// <param name="Invitation">The invitation.</param>
/// <param name="Token">The secret the invitee accepts with.</param>
public sealed record IssuedInvitation(InvitationDto Invitation, string Token);

/// <summary>The membership an accepted invitation created.</summary>
/// <param name="WorkspaceId">The workspace joined.</param>
/// <param name="Role">The role held.</param>
public sealed record MembershipDto(Guid WorkspaceId, WorkspaceRole Role);
