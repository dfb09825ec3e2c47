namespace Strata.Modules.Workspaces.Configuration;

/// <summary>Settings under <c>Strata:Workspaces</c>.</summary>
public sealed class WorkspacesOptions
{
    /// <summary>Configuration section holding these settings.</summary>
    public const string SectionName = "Strata:Workspaces";

    /// <summary>How long an invitation can be accepted.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromHours(48);
}
