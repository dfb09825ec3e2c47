using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.Modules.Auth.Configuration;

namespace Strata.Modules.Auth.Services;

/// <summary>
/// Encrypts the Data Protection key ring at rest with the certificate from <see cref="KeyRingOptions"/>, through the
/// framework's own <c>ProtectKeysWithCertificate</c> and <c>UnprotectKeysWithAnyCertificate</c>. Those take loaded
/// certificates, so the settings are read and the certificates loaded while registering; a certificate that does not
/// load stops registration with the setting named. Without a certificate: refused in Production (options validation
/// at start-up), a warning elsewhere.
/// </summary>
internal static class KeyRingProtection
{
    private const string CertificateSetting = $"{KeyRingOptions.SectionName}:Certificate";

    public static void Configure(IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        var services = dataProtection.Services;
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyRingOptions>, KeyRingOptionsValidator>();

        var settings = configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var failures = new List<string>();
        var current = settings.Certificate.IsConfigured ? Load(settings.Certificate, CertificateSetting, failures) : null;
        var previous = settings.PreviousCertificates
            .Select((certificate, index) => Load(certificate, $"{KeyRingOptions.SectionName}:PreviousCertificates:{index}", failures))
            .OfType<X509Certificate2>()
            .ToArray();
        if (!settings.Certificate.IsConfigured && settings.PreviousCertificates.Count > 0)
        {
            failures.Add($"{KeyRingOptions.SectionName}:PreviousCertificates only decrypt; {CertificateSetting} must be set too.");
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(KeyRingOptions.SectionName, typeof(KeyRingOptions), failures);
        }

        if (current is null)
        {
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>, UnencryptedKeyRingCheck>();
            return;
        }

        dataProtection.ProtectKeysWithCertificate(current);
        if (previous.Length > 0)
        {
            dataProtection.UnprotectKeysWithAnyCertificate(previous);
        }
    }

    /// <summary>The certificate, or null with a failure naming <paramref name="setting"/> (never the password).</summary>
    [SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "Data Protection keeps the certificate for the life of the process.")]
    private static X509Certificate2? Load(KeyRingCertificateSettings certificate, string setting, List<string> failures)
    {
        var hasPath = !string.IsNullOrWhiteSpace(certificate.Path);
        var hasBase64 = !string.IsNullOrWhiteSpace(certificate.Base64);
        if (hasPath == hasBase64)
        {
            failures.Add($"{setting}: set either Path (a PFX file) or Base64 (the PFX as base64), not {(hasPath ? "both" : "neither")}.");
            return null;
        }

        var source = hasPath ? $"{setting}:Path" : $"{setting}:Base64";
        X509Certificate2 loaded;
        try
        {
            // Ephemeral: the private key stays in memory, never written to a key store on disk.
            loaded = hasPath
                ? X509CertificateLoader.LoadPkcs12FromFile(certificate.Path!, certificate.Password, X509KeyStorageFlags.EphemeralKeySet)
                : X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(certificate.Base64!), certificate.Password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (FileNotFoundException)
        {
            failures.Add($"{source}: there is no file at '{certificate.Path}'.");
            return null;
        }
        catch (FormatException)
        {
            failures.Add($"{source} is not valid base64.");
            return null;
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            failures.Add($"{source} could not be read as a PKCS#12 (PFX) certificate with {setting}:Password: the password is wrong, or it is not a PFX ({ex.GetType().Name}).");
            return null;
        }

        using var privateKey = loaded.GetRSAPrivateKey();
        if (privateKey is null)
        {
            loaded.Dispose();
            failures.Add($"{source} must hold an RSA certificate with its private key: keys are encrypted to its public key and decrypted with the private one.");
            return null;
        }

        return loaded;
    }

    /// <summary>
    /// Runs when Data Protection first builds its key management options — at a host's start, or at a command's first
    /// use: reading the validated settings refuses Production, and anywhere else the unencrypted key ring is logged.
    /// </summary>
    private sealed class UnencryptedKeyRingCheck(IOptions<KeyRingOptions> options, ILogger<UnencryptedKeyRingCheck> logger) : IConfigureOptions<KeyManagementOptions>
    {
        public void Configure(KeyManagementOptions keyManagement)
        {
            _ = options.Value;
            logger.LogWarning("{Problem}. Fine for development and tests; set it everywhere else.", KeyRingOptionsValidator.MissingCertificate);
        }
    }
}
