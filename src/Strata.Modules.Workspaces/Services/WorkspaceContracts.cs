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
