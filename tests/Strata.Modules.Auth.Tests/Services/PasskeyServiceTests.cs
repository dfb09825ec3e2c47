using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Modules.Auth.Schema;
using Strata.Modules.Auth.Services;
using Strata.Testing;
using Strata.Testing.Passkeys;

namespace Strata.Modules.Auth.Tests;

/// <summary>
/// The passkey service and the Identity store under it, on committed databases: what concurrency and Identity's own
/// <see cref="UserManager{TUser}"/> see of the tables.
/// </summary>
public sealed class PasskeyServiceTests(AuthTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Two_answers_to_one_ceremony_at_once_sign_in_once(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        using var authenticator = await RegisteredAuthenticatorAsync(db);
        var ceremony = await db.Get<IPasskeyService>().BeginSignInAsync();
        var answer = authenticator.Assert(ceremony.Options);

        var outcomes = await RaceAsync(db, (services, _) => services.GetRequiredService<IPasskeyService>().CompleteSignInAsync(ceremony.CeremonyId, answer, ClientInfo.None));

        Assert.Equal(["auth.ceremony_used", "done"], outcomes.Order());
    }

    [Theory, BothProviders]
    public async Task Identitys_user_manager_finds_the_owner_of_a_credential(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var user = await db.UserAsync();
        using var authenticator = new SoftwareAuthenticator(StrataTestSettings.PasskeyOrigin);
        await RegisterAsync(db, user, authenticator);
        await using var scope = db.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<User>>();

        var owner = await manager.FindByPasskeyIdAsync(authenticator.CredentialId);

        Assert.Equal(user, owner?.PublicId);
        var passkey = Assert.Single(await manager.GetPasskeysAsync(owner!));
        Assert.Equal(authenticator.CredentialId, passkey.CredentialId);
        Assert.True(passkey.IsBackedUp);
    }

    [Theory, BothProviders]
    public async Task Deleting_a_user_removes_their_passkeys_and_their_sign_in(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var user = await db.UserAsync();
        using var authenticator = new SoftwareAuthenticator(StrataTestSettings.PasskeyOrigin);
        await RegisterAsync(db, user, authenticator);
        await db.Get<IUserAdministration>().DeleteUserAsync(Guid.NewGuid(), user);
        await using var scope = db.CreateScope();
        var passkeys = scope.ServiceProvider.GetRequiredService<IPasskeyService>();
        var ceremony = await passkeys.BeginSignInAsync();

        var refusal = await Assert.ThrowsAsync<UnauthorizedError>(() => passkeys.CompleteSignInAsync(ceremony.CeremonyId, authenticator.Assert(ceremony.Options), ClientInfo.None));

        Assert.Equal("auth.invalid_credentials", refusal.Code);
        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("auth", "passkeys")}"));
    }

    [Theory, BothProviders]
    public async Task Expired_ceremonies_older_than_a_day_are_purged_when_a_new_one_starts(DatabaseProvider provider)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        await using var db = await databases.FreshAsync(provider, services: services => services.AddSingleton<TimeProvider>(clock));
        await db.Get<IPasskeyService>().BeginSignInAsync();
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(6));

        await db.Get<IPasskeyService>().BeginSignInAsync();

        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("auth", "verifications")} WHERE purpose = 'passkey_sign_in'"));
    }

    [Theory, BothProviders]
    public async Task A_reset_code_used_twice_at_once_resets_once(DatabaseProvider provider)
    {
        var mail = new List<OutgoingMail>();
        await using var db = await databases.FreshAsync(provider, services:
            services => services.AddScoped<IMailSender>(_ => new ListMailSender(mail)));
        var email = $"u-{Guid.NewGuid():N}@example.com";
        await db.Get<IPasswordSignIn>().SignUpAsync(email, "a long enough password", "User", ClientInfo.None);
        await db.Get<IPasswordManagement>().ForgotPasswordAsync(email, ClientInfo.None);
        var code = mail.Single().Body.Split(": ")[1].Split('\n')[0];

        var outcomes = await RaceAsync(db, (services, i) =>
            services.GetRequiredService<IPasswordManagement>().ResetPasswordAsync(code, $"new password number {i}", ClientInfo.None));

        Assert.Equal(["auth.token_used", "done"], outcomes.Order());
    }

    /// <summary>Runs <paramref name="use"/> twice at once, each in its own scope; answers "done" or the error code of each.</summary>
    private static Task<string[]> RaceAsync(TestDatabase db, Func<IServiceProvider, int, Task> use) =>
        Task.WhenAll(Enumerable.Range(0, 2).Select(async attempt =>
        {
            await using var scope = db.CreateScope();
            try
            {
                await use(scope.ServiceProvider, attempt);
                return "done";
            }
            catch (StrataError error)
            {
                return error.Code;
            }
        }));

    private static async Task RegisterAsync(TestDatabase db, Guid user, SoftwareAuthenticator authenticator)
    {
        await using var scope = db.CreateScope();
        var passkeys = scope.ServiceProvider.GetRequiredService<IPasskeyService>();
        var ceremony = await passkeys.BeginRegistrationAsync(user);
        await passkeys.CompleteRegistrationAsync(user, ceremony.CeremonyId, authenticator.Register(ceremony.Options), "Key", ClientInfo.None);
    }

    private static async Task<SoftwareAuthenticator> RegisteredAuthenticatorAsync(TestDatabase db)
    {
        var authenticator = new SoftwareAuthenticator(StrataTestSettings.PasskeyOrigin);
        await RegisterAsync(db, await db.UserAsync(), authenticator);
        return authenticator;
    }

    private sealed class ListMailSender(List<OutgoingMail> sent) : IMailSender
    {
        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
        {
            lock (sent)
            {
                sent.Add(mail);
            }

            return Task.CompletedTask;
        }
    }
}
