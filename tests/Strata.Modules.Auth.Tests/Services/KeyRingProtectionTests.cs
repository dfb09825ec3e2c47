using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.Data;
using Strata.Data.Configuration;
using Strata.Modules.Auth.Services;
using Strata.Testing;

namespace Strata.Modules.Auth.Tests;

public sealed class KeyRingProtectionTests(AuthTestDatabases databases)
{
    private const string CertificateSetting = "Strata:Auth:DataProtection:Certificate";
    private const string Purpose = "Strata.Tests.KeyRing";

    [Theory, BothProviders]
    public async Task With_a_certificate_the_stored_key_holds_an_encrypted_secret_and_no_plaintext_master_key(DatabaseProvider provider)
    {
        using var certificate = KeyRingCertificate.Create();
        await using var db = await databases.FreshAsync(provider, certificate.AsCurrentFile());

        db.Root.GetRequiredService<DataProtectionKeyKeeper>().EnsureKeyAhead();

        var stored = await StoredKeyRingAsync(db);
        Assert.Contains("<encryptedSecret", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", stored, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Data_protected_before_a_restart_is_read_after_it_with_the_same_certificate(DatabaseProvider provider)
    {
        using var certificate = KeyRingCertificate.Create();
        var settings = certificate.AsCurrentBase64();
        await using var db = await databases.FreshAsync(provider, settings);
        db.Root.GetRequiredService<DataProtectionKeyKeeper>().EnsureKeyAhead();
        var protectedText = Protector(db.Root).Protect("a one-time code");

        await using var restarted = databases.ServicesFor(db, settings);

        Assert.Equal("a one-time code", Protector(restarted).Unprotect(protectedText));
    }

    [Theory, BothProviders]
    public async Task Without_the_certificate_a_copy_of_the_database_cannot_read_an_outbox_body(DatabaseProvider provider)
    {
        using var certificate = KeyRingCertificate.Create();
        await using var db = await databases.FreshAsync(provider, certificate.AsCurrentFile());
        db.Root.GetRequiredService<DataProtectionKeyKeeper>().EnsureKeyAhead();
        var email = $"u-{Guid.NewGuid():N}@example.com";
        await db.Get<IPasswordSignIn>().SignUpAsync(email, "a long enough password", "User", ClientInfo.None);
        await db.Get<IPasswordManagement>().ForgotPasswordAsync(email, ClientInfo.None);
        var body = await db.ScalarAsync<string>($"SELECT body_protected FROM {db.Table("auth", "mail_outbox")}");

        await using var thief = databases.ServicesFor(db);

        Assert.Contains("reset the password", OutboxReader(db.Root).Unprotect(body), StringComparison.Ordinal);
        Assert.ThrowsAny<CryptographicException>(() => OutboxReader(thief).Unprotect(body));
    }

    [Theory, BothProviders]
    public async Task Keys_encrypted_with_a_previous_certificate_still_decrypt_when_it_is_listed(DatabaseProvider provider)
    {
        using var old = KeyRingCertificate.Create("Strata key ring old");
        using var current = KeyRingCertificate.Create("Strata key ring current");
        await using var db = await databases.FreshAsync(provider, old.AsCurrentFile());
        db.Root.GetRequiredService<DataProtectionKeyKeeper>().EnsureKeyAhead();
        var protectedText = Protector(db.Root).Protect("protected before the rotation");

        await using var rotated = databases.ServicesFor(db, StrataTestSettings.Merge(current.AsCurrentFile(), old.AsPrevious(0)));
        await using var forgotten = databases.ServicesFor(db, current.AsCurrentFile());

        Assert.Equal("protected before the rotation", Protector(rotated).Unprotect(protectedText));
        Assert.ThrowsAny<CryptographicException>(() => Protector(forgotten).Unprotect(protectedText));
    }

    [Theory, BothProviders]
    public async Task Production_without_a_certificate_refuses_to_start_naming_the_setting(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        using var host = BuildHost(db, Environments.Production);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains($"{CertificateSetting}:Path", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{CertificateSetting}:Base64", error.Message, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Production_with_a_certificate_starts_and_stores_its_first_key_encrypted(DatabaseProvider provider)
    {
        using var certificate = KeyRingCertificate.Create();
        await using var db = await databases.FreshAsync(provider);
        using var host = BuildHost(db, Environments.Production, certificate.AsCurrentFile());

        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        var stored = await StoredKeyRingAsync(db);
        Assert.Contains("<encryptedSecret", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", stored, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Development_without_a_certificate_starts_with_a_warning_naming_the_setting(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var logs = new CapturedLogs();
        using var host = BuildHost(db, Environments.Development, logs: logs);

        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Contains(logs.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains($"{CertificateSetting}:Path", StringComparison.Ordinal));
    }

    [Fact]
    public void A_certificate_with_the_wrong_password_is_refused_naming_the_setting()
    {
        using var certificate = KeyRingCertificate.Create();
        var settings = certificate.AsCurrentFile();
        settings[$"{CertificateSetting}:Password"] = "not the password";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var error = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddStrata(configuration, strata => strata.AddModule<AuthModule>()));

        Assert.Contains($"{CertificateSetting}:Path", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not the password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_certificate_file_is_refused_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{CertificateSetting}:Path"] = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.pfx"),
        }).Build();

        var error = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddStrata(configuration, strata => strata.AddModule<AuthModule>()));

        Assert.Contains($"{CertificateSetting}:Path", error.Message, StringComparison.Ordinal);
    }

    private static IDataProtector Protector(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private static IDataProtector OutboxReader(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(OutboxMailSender.Purpose);

    private static Task<string> StoredKeyRingAsync(TestDatabase db) => db.ScalarAsync<string>(db.Provider == DatabaseProvider.Postgres
        ? $"SELECT string_agg(xml, '') FROM {db.Table("auth", "data_protection_keys")}"
        : $"SELECT group_concat(xml, '') FROM {db.Table("auth", "data_protection_keys")}");

    /// <summary>A generic host in <paramref name="environment"/> serving <paramref name="db"/>, as the API and workers start.</summary>
    private static IHost BuildHost(TestDatabase db, string environment, IReadOnlyDictionary<string, string?>? settings = null, CapturedLogs? logs = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(StrataTestSettings.Merge(StrataTestSettings.Defaults, settings, new Dictionary<string, string?>
        {
            ["Strata:Database:Provider"] = db.Provider.ToString(),
            ["ConnectionStrings:Strata"] = db.ConnectionString,
        }));
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Services.AddStrata(builder.Configuration, strata => strata.AddModule<AuthModule>());
        return builder.Build();
    }
}
