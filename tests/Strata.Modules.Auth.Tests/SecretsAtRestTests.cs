using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Modules.Auth.Services;
using Strata.Testing;
using Strata.Testing.Mail;
using Strata.Testing.Passkeys;

namespace Strata.Modules.Auth.Tests;

/// <summary>
/// What a stolen copy of the database holds after a scenario that makes every kind of secret the auth module handles:
/// a <c>pg_dump</c> of the PostgreSQL database (as the owner) or a copy of the SQLite file. None of the secrets may
/// appear, and the Data Protection key ring in it must be encrypted. (Workspace invitations belong to the workspaces
/// module and are not part of this scan.)
/// </summary>
public sealed class SecretsAtRestTests(AuthTestDatabases databases)
{
    private const string Password = "correct horse battery staple";

    [Theory, BothProviders]
    public async Task A_dump_after_a_full_scenario_holds_no_plaintext_secret_and_an_encrypted_key_ring(DatabaseProvider provider)
    {
        using var certificate = KeyRingCertificate.Create();
        await using var db = await databases.FreshAsync(provider, certificate.AsCurrentFile());
        var (email, secrets) = await RunScenarioAsync(db);

        var dump = await DatabaseDump.ReadAsync(db);

        Assert.Contains(email, dump, StringComparison.Ordinal);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret.Value, dump, StringComparison.Ordinal));
        Assert.Contains("<encryptedSecret", dump, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", dump, StringComparison.Ordinal);
    }

    /// <summary>
    /// Sign-up, email verification, forgot-password, sign-in, a linked external account and a passkey registered and
    /// used; answers every secret handed out, the codes read from the outbox with the live key ring.
    /// </summary>
    private static async Task<(string Email, Dictionary<string, string> Secrets)> RunScenarioAsync(TestDatabase db)
    {
        db.Root.GetRequiredService<DataProtectionKeyKeeper>().EnsureKeyAhead();
        var email = $"scan-{Guid.NewGuid():N}@example.com";
        var signInWithPassword = db.Get<IPasswordSignIn>();
        var signUp = await signInWithPassword.SignUpAsync(email, Password, "Scanned User", ClientInfo.None);
        await db.Get<IEmailVerification>().RequestEmailVerificationAsync(signUp.User.Id);
        await db.Get<IPasswordManagement>().ForgotPasswordAsync(email, ClientInfo.None);
        var signIn = await signInWithPassword.SignInAsync(email, Password, ClientInfo.None);
        var external = new ExternalTokens($"access-{Guid.NewGuid():N}", $"refresh-{Guid.NewGuid():N}", $"id-{Guid.NewGuid():N}", null, null, "openid");
        await db.Get<IExternalAccounts>().LinkAsync(signUp.User.Id, "github", "https://github.com", "4242", external);

        using var authenticator = new SoftwareAuthenticator(StrataTestSettings.PasskeyOrigin);
        var passkeys = db.Get<IPasskeyService>();
        var registration = await passkeys.BeginRegistrationAsync(signUp.User.Id);
        await passkeys.CompleteRegistrationAsync(signUp.User.Id, registration.CeremonyId, authenticator.Register(registration.Options), "Key", ClientInfo.None);
        var passkeySignIn = await passkeys.BeginSignInAsync();
        var passkeySession = await passkeys.CompleteSignInAsync(passkeySignIn.CeremonyId, authenticator.Assert(passkeySignIn.Options), ClientInfo.None);

        var codes = await OutboxCodesAsync(db);
        return (email, new Dictionary<string, string>
        {
            ["password"] = Password,
            ["sign-up session"] = signUp.Session.Token,
            ["sign-in session"] = signIn.Session.Token,
            ["passkey session"] = passkeySession.Session.Token,
            ["email verification code"] = codes["email_verification"],
            ["password reset code"] = codes["password_reset"],
            ["passkey registration ceremony"] = registration.CeremonyId,
            ["passkey sign-in ceremony"] = passkeySignIn.CeremonyId,
            ["external access token"] = external.AccessToken!,
            ["external refresh token"] = external.RefreshToken!,
            ["external id token"] = external.IdToken!,
        });
    }

    /// <summary>The code in each queued mail, by kind, decrypted with the live key ring.</summary>
    private static async Task<Dictionary<string, string>> OutboxCodesAsync(TestDatabase db)
    {
        var protector = db.Root.GetRequiredService<IDataProtectionProvider>().CreateProtector(OutboxMailSender.Purpose);
        var codes = new Dictionary<string, string>();
        foreach (var kind in new[] { "email_verification", "password_reset" })
        {
            var body = protector.Unprotect(await db.ScalarAsync<string>($"SELECT body_protected FROM {db.Table("auth", "mail_outbox")} WHERE kind = '{kind}'"));
            codes[kind] = MailCodes.In(body);
            Assert.NotEmpty(codes[kind]);
        }

        return codes;
    }
}
