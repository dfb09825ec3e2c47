namespace Strata.Api.Hosting;

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
    /// Reverse proxies (IP addresses, or networks as <c>10.0.0.0/8</c>) whose <c>X-Forwarded-For</c> and
    /// <c>X-Forwarded-Proto</c> are believed, so rate limits, sessions and the audit log see the real client address.
    /// Empty (the default): the headers are ignored, since anyone can send them.
    /// </summary>
    public IList<string> TrustedProxies { get; } = [];
}
