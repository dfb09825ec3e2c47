using System.Text.Json.Serialization;

namespace Strata.Modules.Workspaces.Services;

/// <summary>A member's role in a workspace; a higher value includes every right of the lower ones. JSON: lower-case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkspaceRole>))]
public enum WorkspaceRole
{
    /// <summary>Reads the workspace.</summary>
    [JsonStringEnumMemberName("viewer")]
    Viewer = 1,

    /// <summary>Works in the workspace.</summary>
    [JsonStringEnumMemberName("member")]
    Member = 2,

    /// <summary>Updates the workspace and manages members and invitations.</summary>
    [JsonStringEnumMemberName("admin")]
    Admin = 3,

    /// <summary>Everything, including deleting the workspace and granting <see cref="Owner"/>.</summary>
    [JsonStringEnumMemberName("owner")]
    Owner = 4,
}
