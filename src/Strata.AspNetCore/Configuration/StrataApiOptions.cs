using System.Net;

namespace Strata.AspNetCore.Configuration;

/// <summary>Settings under <c>Strata:Api</c>.</summary>
public sealed class StrataApiOptions
{
    /// <summary>Configuration section holding these settings.</summary>
    public const string SectionName = "Strata:Api";

    /// <summary>Largest request body accepted, in bytes; larger bodies are answered 413 (default 1 MiB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Requests per client address and window to sign-in, sign-up and forgot-password; more answer 429.</summary>
    public int AuthPermitLimit { get; set; } = 10;

    /// <summary>
    /// Forgot-password answers no sooner than this after the request arrives (0 turns it off). Both paths already do
    /// the same work (same commands, hashing and Data Protection calls), but an account's reset writes rows where an
    /// unknown address's does not, which left ≈ 1.2 ms between them (docs/reliability.md); answering at a fixed
    /// moment hides what remains while the work takes less than this.
    /// </summary>
    public TimeSpan ForgotPasswordFloor { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The window of <see cref="AuthPermitLimit"/>.</summary>
    public TimeSpan AuthWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A request that takes at least this long is logged at Warning, like one that answers 5xx; other requests are
    /// logged at Debug.
    /// </summary>
    public TimeSpan SlowRequestThreshold { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Reverse proxies (IP addresses, or networks as <c>10.0.0.0/8</c>) whose <c>X-Forwarded-For</c> and
    /// <c>X-Forwarded-Proto</c> are believed, so rate limits, sessions and the audit log see the real client address.
    /// Empty (the default): the headers are ignored, since anyone can send them.
    /// </summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>
    /// The API's public address (<c>https://api.example.com</c>, a path allowed), which problem <c>type</c> URIs are
    /// made absolute with: <c>https://api.example.com/problems/auth.forbidden</c>. Unset (the default), types are
    /// relative references (<c>/problems/auth.forbidden</c>) that a client resolves against the URL it called; the
    /// request's Host header is never used, since a client or a proxy chooses it.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>True when <paramref name="value"/> is an absolute http or https URL without query or fragment.</summary>
    public static bool IsPublicBaseUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Query.Length == 0 && url.Fragment.Length == 0;

    /// <summary>
    /// Reads a <see cref="TrustedProxies"/> entry: a network when it has a prefix length (<c>10.0.0.0/8</c>), else an
    /// address; false when it is neither.
    /// </summary>
    public static bool TryParseProxy(string entry, out IPAddress? address, out IPNetwork? network)
    {
        ArgumentNullException.ThrowIfNull(entry);
        address = null;
        network = null;
        if (entry.Contains('/', StringComparison.Ordinal))
        {
            var parsed = IPNetwork.TryParse(entry, out var value);
            network = parsed ? value : null;
            return parsed;
        }

        return IPAddress.TryParse(entry, out address);
    }
}
