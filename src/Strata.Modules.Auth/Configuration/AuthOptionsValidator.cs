using Microsoft.Extensions.Options;
using Strata.Modules.Auth.Services;

namespace Strata.Modules.Auth.Configuration;

/// <summary>Validates <see cref="AuthOptions"/> at start-up; every message names the setting to fix by its full key.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    /// <summary>The longest session cache: beyond a few minutes "revoked" would no longer mean revoked.</summary>
    public static readonly TimeSpan MaxSessionCacheDuration = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.PasswordIterations < 1)
        {
            failures.Add($"{AuthOptions.SectionName}:PasswordIterations must be at least 1 (production keeps the default, 220000).");
        }

        RequirePositive(options.SessionLifetime, "SessionLifetime", failures);
        RequirePositive(options.SessionRenewalInterval, "SessionRenewalInterval", failures);
        if (options.SessionRenewalInterval > options.SessionLifetime)
        {
            failures.Add($"{AuthOptions.SectionName}:SessionRenewalInterval must not be longer than {AuthOptions.SectionName}:SessionLifetime, "
                + "or sessions expire before they renew.");
        }

        if (options.SessionCacheDuration < TimeSpan.Zero || options.SessionCacheDuration > MaxSessionCacheDuration)
        {
            failures.Add($"{AuthOptions.SectionName}:SessionCacheDuration must be from 00:00:00 (off) to {MaxSessionCacheDuration:c}: "
                + "it is how long other instances may still accept a revoked session.");
        }

        RequirePositive(options.VerificationLifetime, "VerificationLifetime", failures);
        if (options.LockoutThreshold < 1)
        {
            failures.Add($"{AuthOptions.SectionName}:LockoutThreshold must be at least 1.");
        }

        RequirePositive(options.LockoutBase, "LockoutBase", failures);
        if (options.MaxLockout < options.LockoutBase)
        {
            failures.Add($"{AuthOptions.SectionName}:MaxLockout must be at least {AuthOptions.SectionName}:LockoutBase.");
        }

        if (options.MinimumPasswordLength is < 1 or > PasswordCredentials.MaximumLength)
        {
            failures.Add($"{AuthOptions.SectionName}:MinimumPasswordLength must be from 1 to {PasswordCredentials.MaximumLength}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(TimeSpan value, string setting, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{AuthOptions.SectionName}:{setting} must be longer than zero.");
        }
    }
}
