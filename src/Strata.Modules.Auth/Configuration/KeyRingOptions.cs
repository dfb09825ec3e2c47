namespace Strata.Modules.Auth.Configuration;

/// <summary>
/// Settings under <c>Strata:Auth:DataProtection</c>: the X.509 certificate that encrypts the Data Protection key ring
/// at rest. The key ring lives in the database it protects (outbox bodies, external tokens); without a certificate a
/// copy of the database decrypts them. Required in Production; see docs/operations.md for rotation.
/// </summary>
public sealed class KeyRingOptions
{
    /// <summary>Configuration section holding these settings.</summary>
    public const string SectionName = "Strata:Auth:DataProtection";

    /// <summary>The certificate new keys are encrypted to (its public key); its private key also decrypts them.</summary>
    public KeyRingCertificateSettings Certificate { get; set; } = new();

    /// <summary>
    /// Certificates that only decrypt: the ones keys were encrypted to before a rotation. Keep each until every key it
    /// encrypted has expired (90 days after the rotation).
    /// </summary>
    public IList<KeyRingCertificateSettings> PreviousCertificates { get; } = [];
}

/// <summary>One PKCS#12 (PFX) certificate with its RSA private key: from a file, or as base64.</summary>
public sealed class KeyRingCertificateSettings
{
    /// <summary>Path of the PFX file.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// The PFX file itself, base64-encoded: how an environment variable or a secret store carries it
    /// (<c>Strata__Auth__DataProtection__Certificate__Base64</c>).
    /// </summary>
    public string? Base64 { get; set; }

    /// <summary>The PFX password, if it has one.</summary>
    public string? Password { get; set; }

    /// <summary>True when a file or base64 content is given.</summary>
    internal bool IsConfigured => !string.IsNullOrWhiteSpace(Path) || !string.IsNullOrWhiteSpace(Base64);
}
