using Microsoft.Extensions.Options;

namespace Strata.Modules.Workspaces.Configuration;

/// <summary>Validates <see cref="WorkspacesOptions"/> at start-up; every message names the setting to fix by its full key.</summary>
internal sealed class WorkspacesOptionsValidator : IValidateOptions<WorkspacesOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkspacesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.InvitationLifetime <= TimeSpan.Zero
            ? ValidateOptionsResult.Fail($"{WorkspacesOptions.SectionName}:InvitationLifetime must be longer than zero.")
            : ValidateOptionsResult.Success;
    }
}
