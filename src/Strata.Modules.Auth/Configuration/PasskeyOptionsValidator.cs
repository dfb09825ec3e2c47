using Microsoft.Extensions.Options;

namespace Strata.Modules.Auth.Configuration;

/// <summary>Validates <see cref="PasskeyOptions"/> at start-up; every message names the setting to fix.</summary>
internal sealed class PasskeyOptionsValidator : IValidateOptions<PasskeyOptions>
{
    private static readonly string[] Requirements = ["required", "preferred", "discouraged"];

    public ValidateOptionsResult Validate(string? name, PasskeyOptions options)
    {
        var failures = new List<string>();
        var rpId = options.RelyingPartyId?.Trim();
        if (string.IsNullOrEmpty(rpId))
        {
            failures.Add($"{PasskeyOptions.SectionName}:RelyingPartyId is required (the domain passkeys belong to, e.g. example.com).");
        }
        else if (Uri.CheckHostName(rpId) is not (UriHostNameType.Dns or UriHostNameType.IPv4) || rpId.EndsWith('.'))
        {
            failures.Add($"{PasskeyOptions.SectionName}:RelyingPartyId '{rpId}' must be a bare domain, without scheme, port or path.");
        }

        if (options.Origins.Count == 0)
        {
            failures.Add($"{PasskeyOptions.SectionName}:Origins needs at least one origin (e.g. https://app.example.com).");
        }

        foreach (var origin in options.Origins)
        {
            if (OriginProblem(origin, rpId) is { } problem)
            {
                failures.Add($"{PasskeyOptions.SectionName}:Origins entry '{origin}' {problem}.");
            }
        }

        if (options.CeremonyLifetime <= TimeSpan.Zero || options.CeremonyLifetime > TimeSpan.FromMinutes(30))
        {
            failures.Add($"{PasskeyOptions.SectionName}:CeremonyLifetime must be more than zero and at most 30 minutes.");
        }

        CheckRequirement(options.UserVerification, "UserVerification", failures);
        CheckRequirement(options.ResidentKey, "ResidentKey", failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The WebAuthn rules for an origin: secure, exact (no path), and within the relying party's domain.</summary>
    private static string? OriginProblem(string origin, string? rpId)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return "is not an absolute http(s) URL";
        }

        var afterScheme = origin[(origin.IndexOf("://", StringComparison.Ordinal) + 3)..].TrimEnd('/');
        if (afterScheme.Contains('/', StringComparison.Ordinal) || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return "must be an origin (scheme, host and port) without a path";
        }

        if (uri.Scheme == "http" && !uri.IsLoopback)
        {
            return "must use https (browsers allow http only on localhost)";
        }

        if (!string.IsNullOrEmpty(rpId) && !uri.Host.Equals(rpId, StringComparison.OrdinalIgnoreCase)
            && !uri.Host.EndsWith("." + rpId, StringComparison.OrdinalIgnoreCase))
        {
            return $"is not on the relying party's domain '{rpId}'";
        }

        return null;
    }

    private static void CheckRequirement(string value, string setting, List<string> failures)
    {
        if (!Requirements.Contains(value, StringComparer.Ordinal))
        {
            failures.Add($"{PasskeyOptions.SectionName}:{setting} must be one of {string.Join(", ", Requirements)}.");
        }
    }
}
