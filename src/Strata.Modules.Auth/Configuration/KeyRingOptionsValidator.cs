using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Strata.Modules.Auth.Configuration;

/// <summary>
/// Refuses an unencrypted key ring in Production, at start-up, naming the setting. (Whether a configured certificate
/// loads is checked while registering, where it is loaded: see <see cref="Services.KeyRingProtection"/>.) Without a host
/// (a command, a test's service provider) there is no environment, and nothing to refuse.
/// </summary>
internal sealed class KeyRingOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<KeyRingOptions>
{
    /// <summary>The message naming the settings, for the refusal in Production and the warning elsewhere.</summary>
    internal const string MissingCertificate =
        $"{KeyRingOptions.SectionName}:Certificate:Path (a PFX file, with {KeyRingOptions.SectionName}:Certificate:Password) or "
        + $"{KeyRingOptions.SectionName}:Certificate:Base64 (the PFX as base64, e.g. the environment variable Strata__Auth__DataProtection__Certificate__Base64) "
        + "is not set, so the Data Protection key ring is stored unencrypted in the database it protects (see docs/operations.md)";

    public ValidateOptionsResult Validate(string? name, KeyRingOptions options) =>
        environment?.IsProduction() == true && !options.Certificate.IsConfigured
            ? ValidateOptionsResult.Fail($"{MissingCertificate}; it is required in Production.")
            : ValidateOptionsResult.Success;
}
