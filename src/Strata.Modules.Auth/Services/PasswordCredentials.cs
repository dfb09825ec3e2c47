using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Strata.Data.Errors;
using Strata.Modules.Auth.Configuration;
using Strata.Modules.Auth.Repositories;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Services;

/// <summary>
/// A user's password credential (their <c>credential</c> account row) and the password rule: every flow that sets or
/// checks a password goes through here, so the length rule and the hashing are written once.
/// </summary>
internal sealed class PasswordCredentials(AccountRepository accounts, PasswordHashing passwords, IOptions<AuthOptions> options)
{
    /// <summary>Longest password accepted: long passphrases, but no unbounded hashing input.</summary>
    public const int MaximumLength = 256;

    /// <summary>Refuses a password outside the configured length (400 <c>auth.weak_password</c> on <paramref name="field"/>).</summary>
    public void Check(string password, string field)
    {
        var minimum = options.Value.MinimumPasswordLength;
        if (password.Length < minimum || password.Length > MaximumLength)
        {
            throw new ValidationError("auth.weak_password", field, $"The password must be {minimum} to {MaximumLength} characters long.");
        }
    }

    /// <summary>The user's credential row, tracked for update, or null when they have no password.</summary>
    public Task<Account?> FindAsync(User user, CancellationToken cancellationToken) => accounts.FindCredentialForUpdateAsync(user.Id, cancellationToken);

    /// <summary>Gives a new user their password.</summary>
    public Task AddAsync(User user, string password, CancellationToken cancellationToken) => accounts.AddAsync(New(user, password), cancellationToken);

    /// <summary>Sets the user's password (adding the credential if they had none) and rotates their security stamp.</summary>
    public async Task SetAsync(User user, string password, CancellationToken cancellationToken)
    {
        var account = await FindAsync(user, cancellationToken);
        if (account is null)
        {
            await AddAsync(user, password, cancellationToken);
        }
        else
        {
            account.PasswordHash = passwords.Hash(password);
        }

        user.SecurityStamp = User.NewSecurityStamp();
    }

    /// <summary>Checks <paramref name="password"/> against the credential's hash.</summary>
    public PasswordVerificationResult Verify(Account account, string password) =>
        account.PasswordHash is null ? PasswordVerificationResult.Failed : passwords.Verify(account.PasswordHash, password);

    /// <summary>Re-hashes a verified password at today's iteration count.</summary>
    public void Rehash(Account account, string password) => account.PasswordHash = passwords.Hash(password);

    /// <inheritdoc cref="PasswordHashing.VerifyAgainstDummy"/>
    public void VerifyAgainstDummy(string password) => passwords.VerifyAgainstDummy(password);

    private Account New(User user, string password) =>
        new() { UserId = user.Id, AccountId = user.PublicId.ToString(), PasswordHash = passwords.Hash(password) };
}
