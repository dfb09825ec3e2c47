namespace Strata.Modules.Auth.Configuration;

/// <summary>
/// Settings under <c>Strata:Auth:Passkeys</c>: who the relying party is and which web origins may run its ceremonies.
/// Validated at start-up by <see cref="PasskeyOptionsValidator"/>.
/// </summary>
public sealed class PasskeyOptions
{
    /// <summary>Configuration section holding these settings.</summary>
    public const string SectionName = "Strata:Auth:Passkeys";

    /// <summary>
    /// The WebAuthn relying-party id: the registrable domain credentials are scoped to (<c>example.com</c>), without
    /// scheme or port. Every origin's host must be this domain or one of its subdomains.
    /// </summary>
    public string? RelyingPartyId { get; set; }

    /// <summary>
    /// The exact web origins (<c>https://app.example.com</c>) whose pages may register and use passkeys. HTTPS only,
    /// except <c>http://localhost</c> for development, as browsers require.
    /// </summary>
    public IList<string> Origins { get; } = [];

    /// <summary>How long a ceremony's challenge stays usable; also the timeout the browser is given.</summary>
    public TimeSpan CeremonyLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>WebAuthn user verification: <c>required</c>, <c>preferred</c> or <c>discouraged</c>.</summary>
    public string UserVerification { get; set; } = "preferred";

    /// <summary>
    /// WebAuthn resident key: <c>required</c>, <c>preferred</c> or <c>discouraged</c>. Sign-in asks for no email
    /// (the authenticator offers its passkeys), which only works with discoverable credentials, hence <c>required</c>.
    /// </summary>
    public string ResidentKey { get; set; } = "required";
}
