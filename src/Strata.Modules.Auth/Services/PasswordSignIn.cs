using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Strata.Data.Errors;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Configuration;
using Strata.Modules.Auth.Events;
using Strata.Modules.Auth.Repositories;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Services;

/// <inheritdoc />
internal sealed class PasswordSignIn(
    DatabaseSession database,
    UserRepository users,
    PasswordCredentials credentials,
    SessionService sessions,
    IAuditTrail audit,
    IOptions<AuthOptions> options,
    TimeProvider clock) : IPasswordSignIn
{
    private static readonly UnauthorizedError InvalidCredentials = new("auth.invalid_credentials", "The email or password is not correct.");

    private AuthOptions Settings => options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<AuthResult> SignUpAsync(string email, string password, string name, ClientInfo client, CancellationToken cancellationToken = default)
    {
        credentials.Check(password, "password");
        return database.InTransactionAsync(async token =>
        {
            if (await users.EmailTakenAsync(email, token))
            {
                throw EmailTaken();
            }

            User user;
            try
            {
                user = await users.AddAsync(new User { Email = email, Name = name.Trim(), SecurityStamp = User.NewSecurityStamp() }, token);
            }
            catch (ConflictError conflict) when (conflict.Field == "email")
            {
                // Two sign-ups raced past the check; the unique index decided.
                throw EmailTaken();
            }

            await credentials.AddAsync(user, password, token);
            await audit.RecordAsync(AuditActions.UserCreated, user.PublicId, AuditTargets.User(user.PublicId), AuditOutcomes.Success, client, token);
            return new AuthResult(UserDto.From(user), await sessions.CreateAsync(user, client, token));
        }, cancellationToken: cancellationToken);
    }

    public async Task<AuthResult> SignInAsync(string email, string password, ClientInfo client, CancellationToken cancellationToken = default)
    {
        // The unit commits on refusal too: the failure count, the lockout and the audit rows must survive the 401.
        var result = await database.InTransactionAsync(async token =>
        {
            var user = await users.FindByEmailForUpdateAsync(email, token);
            var account = user is null ? null : await credentials.FindAsync(user, token);
            if (user is null || account?.PasswordHash is null)
            {
                credentials.VerifyAgainstDummy(password);
                await audit.RecordAsync(AuditActions.LoginFail, null, null, AuditOutcomes.Failure, client, token, ("reason", "unknown_user"));
                return null;
            }

            if (user.LockoutEnd > Now)
            {
                credentials.VerifyAgainstDummy(password);
                await audit.RecordAsync(AuditActions.LoginFail, user.PublicId, AuditTargets.User(user.PublicId), AuditOutcomes.Failure, client, token, ("reason", "locked_out"));
                return null;
            }

            var verdict = credentials.Verify(account, password);
            if (verdict == PasswordVerificationResult.Failed)
            {
                await RecordFailureAsync(user, client, token);
                return null;
            }

            if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            {
                credentials.Rehash(account, password);
            }

            user.FailedSignInCount = 0;
            user.LockoutEnd = null;
            await audit.RecordAsync(AuditActions.LoginSuccess, user.PublicId, AuditTargets.User(user.PublicId), AuditOutcomes.Success, client, token);
            return new AuthResult(UserDto.From(user), await sessions.CreateAsync(user, client, token));
        }, cancellationToken: cancellationToken);
        return result ?? throw InvalidCredentials;
    }

    private static ConflictError EmailTaken() => new("auth.email_taken", "An account with this email already exists.", "email");

    private async Task RecordFailureAsync(User user, ClientInfo client, CancellationToken cancellationToken)
    {
        user.FailedSignInCount++;
        await audit.RecordAsync(AuditActions.LoginFail, user.PublicId, AuditTargets.User(user.PublicId), AuditOutcomes.Failure, client, cancellationToken,
            ("reason", "wrong_password"));
        var beyond = user.FailedSignInCount - Settings.LockoutThreshold;
        if (beyond >= 0)
        {
            // Growing lockout: base, then doubling with every further failure, capped.
            var lockout = TimeSpan.FromTicks(Math.Min(Settings.MaxLockout.Ticks, Settings.LockoutBase.Ticks << Math.Min(beyond, 20)));
            user.LockoutEnd = Now + lockout;
            await audit.RecordAsync(AuditActions.LoginLock, user.PublicId, AuditTargets.User(user.PublicId), AuditOutcomes.Success, client, cancellationToken,
                ("failures", user.FailedSignInCount.ToString(CultureInfo.InvariantCulture)),
                ("locked_seconds", ((long)lockout.TotalSeconds).ToString(CultureInfo.InvariantCulture)));
        }
    }
}
