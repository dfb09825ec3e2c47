using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Strata.Modules.Auth.Tests;

/// <summary>
/// Self-signed RSA 2048 certificates made in the test, exported as password-protected PFX (a file and base64), and the
/// settings that configure them as the key ring's certificate.
/// </summary>
internal sealed class KeyRingCertificate : IDisposable
{
    private const string Section = "Strata:Auth:DataProtection";

    private KeyRingCertificate(string path, string password, string base64)
    {
        PfxPath = path;
        Password = password;
        Base64 = base64;
    }

    public string PfxPath { get; }

    public string Password { get; }

    public string Base64 { get; }

    public static KeyRingCertificate Create(string name = "Strata key ring test")
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var password = Guid.NewGuid().ToString("N");
        var pfx = certificate.Export(X509ContentType.Pfx, password);
        var path = Path.Combine(Path.GetTempPath(), $"strata-key-ring-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, pfx);
        return new KeyRingCertificate(path, password, Convert.ToBase64String(pfx));
    }

    /// <summary>Deletes the PFX file.</summary>
    public void Dispose() => File.Delete(PfxPath);

    /// <summary>This certificate as the current one, from a PFX file and its password.</summary>
    public Dictionary<string, string?> AsCurrentFile() => new()
    {
        [$"{Section}:Certificate:Path"] = PfxPath,
        [$"{Section}:Certificate:Password"] = Password,
    };

    /// <summary>This certificate as the current one, as base64 PFX (how an environment variable carries it).</summary>
    public Dictionary<string, string?> AsCurrentBase64() => new()
    {
        [$"{Section}:Certificate:Base64"] = Base64,
        [$"{Section}:Certificate:Password"] = Password,
    };

    /// <summary>This certificate as previous certificate number <paramref name="index"/>: it decrypts, never encrypts.</summary>
    public Dictionary<string, string?> AsPrevious(int index) => new()
    {
        [$"{Section}:PreviousCertificates:{index}:Path"] = PfxPath,
        [$"{Section}:PreviousCertificates:{index}:Password"] = Password,
    };
}
