using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Strata.Modules.Workspaces.Services;

/// <summary>How <see cref="WorkspaceRole"/>s are written: lower-case names, in the database and in JSON.</summary>
internal static class WorkspaceRoles
{
    public static readonly ValueConverter<WorkspaceRole, string> Converter = new(role => Name(role), name => Parse(name));

    public static string Name(WorkspaceRole role) => role.ToString().ToLowerInvariant();

    public static WorkspaceRole Parse(string name) => Enum.Parse<WorkspaceRole>(name, ignoreCase: true);

    /// <summary>The roles at or above <paramref name="minimum"/>: filters compare names, never ranks, in SQL.</summary>
    public static WorkspaceRole[] AtLeast(WorkspaceRole minimum) => [.. Enum.GetValues<WorkspaceRole>().Where(r => r >= minimum)];

    public static string CheckSql(string column) =>
        $"{column} IN ({string.Join(", ", Enum.GetValues<WorkspaceRole>().Select(r => $"'{Name(r)}'"))})";
}
