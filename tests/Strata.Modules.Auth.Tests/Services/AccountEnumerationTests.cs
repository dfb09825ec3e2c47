using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Services;
using Strata.Testing;

namespace Strata.Modules.Auth.Tests;

/// <summary>
/// An unknown email must cost what an account costs, or timing tells which addresses have accounts: the same
/// database commands and the same hashing and Data Protection work. (Timings themselves are measured by
/// bench/forgot-password-timing.sh, never asserted.)
/// </summary>
public sealed class AccountEnumerationTests(AuthTestDatabases databases)
{
    private const string Password = "a long enough password";

    [Theory, BothProviders]
    public async Task Forgot_password_sends_as_many_commands_for_an_unknown_email_as_for_an_account(DatabaseProvider provider)
    {
        var counters = new WorkCounters();
        await using var db = await databases.FreshAsync(provider, services: counters.Register);
        var email = await SignUpAndWarmUpAsync(db);

        var (accountCommands, _) = await ForgotPasswordAsync(db, counters, email);
        var (unknownCommands, _) = await ForgotPasswordAsync(db, counters, $"nobody-{Guid.NewGuid():N}@example.com");

        Assert.Equal(accountCommands, unknownCommands);
    }

    [Theory, BothProviders]
    public async Task Forgot_password_does_the_same_secret_and_data_protection_work_for_an_unknown_email(DatabaseProvider provider)
    {
        var counters = new WorkCounters();
        await using var db = await databases.FreshAsync(provider, services: counters.Register);
        var email = await SignUpAndWarmUpAsync(db);

        var (_, account) = await ForgotPasswordAsync(db, counters, email);
        var (_, unknown) = await ForgotPasswordAsync(db, counters, $"nobody-{Guid.NewGuid():N}@example.com");

        // Two protects: the text and the HTML part of the reset mail.
        Assert.Equal(new WorkSnapshot(Protects: 2, SecretsIssued: 1, SecretHashes: 1, PasswordHashes: 0, PasswordVerifications: 0), account);
        Assert.Equal(account, unknown);
    }

    [Theory, BothProviders]
    public async Task Forgot_password_for_an_unknown_email_leaves_no_token_and_no_mail(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await SignUpAndWarmUpAsync(db);
        var rows = $"SELECT (SELECT count(*) FROM {db.Table("auth", "verifications")}) + (SELECT count(*) FROM {db.Table("auth", "mail_outbox")})";
        var before = await db.ScalarAsync<long>(rows);

        await db.Get<IPasswordManagement>().ForgotPasswordAsync($"nobody-{Guid.NewGuid():N}@example.com", ClientInfo.None);

        Assert.Equal(before, await db.ScalarAsync<long>(rows));
    }

    [Theory, BothProviders]
    public async Task Sign_in_hashes_the_same_for_an_unknown_email_as_for_a_wrong_password(DatabaseProvider provider)
    {
        var counters = new WorkCounters();
        await using var db = await databases.FreshAsync(provider, services: counters.Register);
        var email = await SignUpAndWarmUpAsync(db);

        var wrongPassword = await RefusedSignInWorkAsync(db, counters, email);
        var unknownEmail = await RefusedSignInWorkAsync(db, counters, $"nobody-{Guid.NewGuid():N}@example.com");

        Assert.Equal(1, wrongPassword.PasswordVerifications);
        Assert.Equal(wrongPassword, unknownEmail);
    }

    /// <summary>A user, and one reset already asked for: the first run of a flow also warms caches and the key ring.</summary>
    private static async Task<string> SignUpAndWarmUpAsync(TestDatabase db)
    {
        db.Root.GetRequiredService<DataProtectionKeyKeeper>().EnsureKeyAhead();
        var email = $"u-{Guid.NewGuid():N}@example.com";
        await db.Get<IPasswordSignIn>().SignUpAsync(email, Password, "User", ClientInfo.None);
        await db.Get<IPasswordManagement>().ForgotPasswordAsync(email, ClientInfo.None);
        return email;
    }

    /// <summary>The commands and the work of one forgot-password request, in a scope of its own as a request has.</summary>
    private static async Task<(int Commands, WorkSnapshot Work)> ForgotPasswordAsync(TestDatabase db, WorkCounters counters, string email)
    {
        await using var scope = db.CreateScope();
        var before = counters.Snapshot();
        await scope.ServiceProvider.GetRequiredService<IPasswordManagement>().ForgotPasswordAsync(email, ClientInfo.None);
        return (scope.ServiceProvider.GetRequiredService<DatabaseSession>().CommandsExecuted, counters.Snapshot() - before);
    }

    private static async Task<WorkSnapshot> RefusedSignInWorkAsync(TestDatabase db, WorkCounters counters, string email)
    {
        await using var scope = db.CreateScope();
        var before = counters.Snapshot();
        await Assert.ThrowsAsync<UnauthorizedError>(() => scope.ServiceProvider.GetRequiredService<IPasswordSignIn>().SignInAsync(email, "not the password", ClientInfo.None));
        return counters.Snapshot() - before;
    }
}
