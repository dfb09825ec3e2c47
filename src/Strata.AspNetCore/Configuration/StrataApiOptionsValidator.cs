using Microsoft.Extensions.Options;

namespace Strata.AspNetCore.Configuration;

/// <summary>Checks the <c>Strata:Api</c> settings at start-up; each message names the setting by its full key.</summary>
public sealed class StrataApiOptionsValidator : IValidateOptions<StrataApiOptions>
{
    private const string Section = StrataApiOptions.SectionName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StrataApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes <= 0)
        {
            failures.Add($"{Section}:MaxRequestBodyBytes must be a positive number of bytes (it is {options.MaxRequestBodyBytes}).");
        }

        if (options.AuthPermitLimit <= 0)
        {
            failures.Add($"{Section}:AuthPermitLimit must be at least 1 (it is {options.AuthPermitLimit}).");
        }

        if (options.AuthWindow <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:AuthWindow must be a positive duration such as 00:01:00 (it is {options.AuthWindow}).");
        }

        if (options.SlowRequestThreshold <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:SlowRequestThreshold must be a positive duration such as 00:00:01 (it is {options.SlowRequestThreshold}).");
        }

        if (options.ForgotPasswordFloor < TimeSpan.Zero)
        {
            failures.Add($"{Section}:ForgotPasswordFloor must be 0 (off) or a positive duration such as 00:00:00.100 (it is {options.ForgotPasswordFloor}).");
        }

        for (var i = 0; i < options.TrustedProxies.Count; i++)
        {
            if (!StrataApiOptions.TryParseProxy(options.TrustedProxies[i], out _, out _))
            {
                failures.Add($"{Section}:TrustedProxies:{i} ('{options.TrustedProxies[i]}') is neither an IP address nor a network (10.0.0.0/8).");
            }
        }

        if (options.PublicBaseUrl is { } publicBaseUrl && !StrataApiOptions.IsPublicBaseUrl(publicBaseUrl))
        {
            failures.Add($"{Section}:PublicBaseUrl ('{publicBaseUrl}') must be an absolute http or https URL without query or fragment, such as https://api.example.com.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
