using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Strata.Data.Errors;
using Strata.Data.Events;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Configuration;
using Strata.Modules.Auth.Events;
using Strata.Modules.Auth.Repositories;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Services;

/// <inheritdoc />
internal sealed class AuthService(
    DatabaseSession database,
    UserRepository users,
    AccountRepository accounts,
    SessionRepository sessions,
    VerificationRepository verifications,
    SessionService sessionService,
    PasswordHashing passwords,
    ISecretTokenSource secrets,
    IDataProtectionProvider dataProtection,
    IMailSender mail,
    IDomainEventPublisher events,
    IOptions<AuthOptions> options,
    TimeProvider clock) : IAuthService
{
    internal const string EmailVerificationPurpose = "email_verification";
    internal const string PasswordResetPurpose = "password_reset";

    private static readonly UnauthorizedError InvalidCredentials = new("auth.invalid_credentials", "The email or password is not correct.");

    private AuthOptions Settings => options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<AuthResult> SignUpAsync(string email, string password, string name, ClientInfo client, CancellationToken cancellationToken = default)
    {
        CheckPassword(password, "password");
        return database.InTransactionAsync(async token =>
        {
            if (await users.EmailTakenAsync(email, token))
            {
                throw EmailTaken();
            }

            User user;
            try
            {
                user = await users.AddAsync(new User { Email = email, Name = name.Trim() }, token);
            }
            catch (ConflictError conflict) when (conflict.Field == "email")
            {
                // Two sign-ups raced past the check; the unique index decided.
                throw EmailTaken();
            }

            await accounts.AddAsync(CredentialFor(user, password), token);
            await events.PublishAsync(new AuditEvent(AuditActions.UserCreated, user.PublicId, $"user:{user.PublicId}", AuditOutcomes.Success, client.Ip, client.UserAgent), token);
            return new AuthResult(ToDto(user), await sessionService.CreateAsync(user, client, token));
        }, cancellationToken: cancellationToken);
    }

    public async Task<AuthResult> SignInAsync(string email, string password, ClientInfo client, CancellationToken cancellationToken = default)
    {
        // The unit commits on refusal too: the failure count, the lockout and the audit rows must survive the 401.
        var result = await database.InTransactionAsync(async token =>
        {
            var user = await users.FindByEmailForUpdateAsync(email, token);
            var account = user is null ? null : await accounts.FindCredentialForUpdateAsync(user.Id, token);
            if (user is null || account?.PasswordHash is null)
            {
                passwords.VerifyAgainstDummy(password);
                await AuditAsync(AuditActions.LoginFail, null, null, AuditOutcomes.Failure, client, token, ("reason", "unknown_user"));
                return null;
            }

            if (user.LockoutEnd > Now)
            {
                passwords.VerifyAgainstDummy(password);
                await AuditAsync(AuditActions.LoginFail, user.PublicId, $"user:{user.PublicId}", AuditOutcomes.Failure, client, token, ("reason", "locked_out"));
                return null;
            }

            var verdict = passwords.Verify(account.PasswordHash, password);
            if (verdict == PasswordVerificationResult.Failed)
            {
                await RecordFailureAsync(user, client, token);
                return null;
            }

            if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            {
                account.PasswordHash = passwords.Hash(password);
            }

            user.FailedSignInCount = 0;
            user.LockoutEnd = null;
            await AuditAsync(AuditActions.LoginSuccess, user.PublicId, $"user:{user.PublicId}", AuditOutcomes.Success, client, token);
            return new AuthResult(ToDto(user), await sessionService.CreateAsync(user, client, token));
        }, cancellationToken: cancellationToken);
        return result ?? throw InvalidCredentials;
    }

    public Task RevokeSessionAsync(Guid userId, Guid sessionId, ClientInfo client, CancellationToken cancellationToken = default) =>
        sessionService.RevokeAsync(userId, sessionId, client, cancellationToken);

    public async Task<IReadOnlyList<SessionInfo>> ListSessionsAsync(Guid userId, Guid currentSessionId, CancellationToken cancellationToken = default)
    {
        var id = await users.FindIdAsync(userId, cancellationToken) ?? throw NotFoundError.For("user", userId);
        var active = await sessions.ListActiveAsync(id, Now, cancellationToken);
        return [.. active.Select(s => new SessionInfo(s.PublicId, s.CreatedAt, s.LastUsedAt, s.ExpiresAt, s.Ip, s.UserAgent, s.PublicId == currentSessionId))];
    }

    public Task RequestEmailVerificationAsync(Guid userId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var user = await users.GetByPublicIdAsync(userId, token);
            if (user.EmailVerified)
            {
                throw new ConflictError("auth.email_already_verified", "The email address is already verified.");
            }

            var secret = await IssueVerificationAsync(EmailVerificationPurpose, user, token);
            await mail.SendAsync(new OutgoingMail(user.Email, EmailVerificationPurpose, "Confirm your email address",
                $"Confirm your email address with this code: {secret}\nIt expires in {Settings.VerificationLifetime.TotalMinutes:0} minutes."), token);
        }, cancellationToken: cancellationToken);

    public Task<UserDto> ConfirmEmailAsync(string token, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async cancel =>
        {
            var verification = await ConsumeVerificationAsync(EmailVerificationPurpose, token, cancel);
            var user = await users.GetTrackedAsync(Guid.Parse(verification.Identifier), cancel);
            user.EmailVerified = true;
            return ToDto(user);
        }, cancellationToken: cancellationToken);

    public Task ForgotPasswordAsync(string email, ClientInfo client, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var user = await users.FindByEmailForUpdateAsync(email, token);
            if (user is null)
            {
                await MatchResetWorkAsync(email, client, token);
                return;
            }

            var secret = await IssueVerificationAsync(PasswordResetPurpose, user, token);
            await mail.SendAsync(ResetMail(user.Email, secret), token);
        }, cancellationToken: cancellationToken);

    public Task ResetPasswordAsync(string token, string newPassword, ClientInfo client, CancellationToken cancellationToken = default)
    {
        CheckPassword(newPassword, "password");
        return database.InTransactionAsync(async cancel =>
        {
            var verification = await ConsumeVerificationAsync(PasswordResetPurpose, token, cancel);
            var user = await users.GetTrackedAsync(Guid.Parse(verification.Identifier), cancel);
            await SetPasswordAsync(user, newPassword, cancel);
            user.FailedSignInCount = 0;
            user.LockoutEnd = null;
            var revoked = await sessions.RevokeAllAsync(user.Id, Now, cancel);
            await AuditAsync(AuditActions.PasswordChange, user.PublicId, $"user:{user.PublicId}", AuditOutcomes.Success, client, cancel,
                ("via", "reset"), ("sessions_revoked", revoked.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }, cancellationToken: cancellationToken);
    }

    public Task ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, ClientInfo client, CancellationToken cancellationToken = default)
    {
        CheckPassword(newPassword, "newPassword");
        return database.InTransactionAsync(async token =>
        {
            var user = await users.GetTrackedAsync(userId, token);
            var account = await accounts.FindCredentialForUpdateAsync(user.Id, token);
            if (account?.PasswordHash is null || passwords.Verify(account.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
            {
                throw new ValidationError("auth.wrong_password", "currentPassword", "The current password is not correct.");
            }

            await SetPasswordAsync(user, newPassword, token);
            await AuditAsync(AuditActions.PasswordChange, user.PublicId, $"user:{user.PublicId}", AuditOutcomes.Success, client, token, ("via", "change"));
        }, cancellationToken: cancellationToken);
    }

    internal static UserDto ToDto(User user) => new(user.PublicId, user.Email, user.Name, user.EmailVerified, user.Image, user.CreatedAt);

    private static ConflictError EmailTaken() => new("auth.email_taken", "An account with this email already exists.", "email");

    private void CheckPassword(string password, string field)
    {
        if (password.Length < Settings.MinimumPasswordLength || password.Length > 256)
        {
            throw new ValidationError("auth.weak_password", field, $"The password must be {Settings.MinimumPasswordLength} to 256 characters long.");
        }
    }

    private Account CredentialFor(User user, string password) =>
        new() { UserId = user.Id, AccountId = user.PublicId.ToString(), PasswordHash = passwords.Hash(password) };

    private async Task SetPasswordAsync(User user, string password, CancellationToken cancellationToken)
    {
        var account = await accounts.FindCredentialForUpdateAsync(user.Id, cancellationToken);
        if (account is null)
        {
            await accounts.AddAsync(CredentialFor(user, password), cancellationToken);
        }
        else
        {
            account.PasswordHash = passwords.Hash(password);
        }

        user.SecurityStamp = Guid.NewGuid().ToString("N");
    }

    private async Task RecordFailureAsync(User user, ClientInfo client, CancellationToken cancellationToken)
    {
        user.FailedSignInCount++;
        await AuditAsync(AuditActions.LoginFail, user.PublicId, $"user:{user.PublicId}", AuditOutcomes.Failure, client, cancellationToken, ("reason", "wrong_password"));
        var beyond = user.FailedSignInCount - Settings.LockoutThreshold;
        if (beyond >= 0)
        {
            // Growing lockout: base, then doubling with every further failure, capped.
            var lockout = TimeSpan.FromTicks(Math.Min(Settings.MaxLockout.Ticks, Settings.LockoutBase.Ticks << Math.Min(beyond, 20)));
            user.LockoutEnd = Now + lockout;
            await AuditAsync(AuditActions.LoginLock, user.PublicId, $"user:{user.PublicId}", AuditOutcomes.Success, client, cancellationToken,
                ("failures", user.FailedSignInCount.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("locked_seconds", ((long)lockout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private async Task<string> IssueVerificationAsync(string purpose, User user, CancellationToken cancellationToken)
    {
        var identifier = user.PublicId.ToString();
        await verifications.ConsumeOpenAsync(purpose, identifier, Now, cancellationToken);
        var secret = secrets.New();
        await verifications.AddAsync(new Verification
        {
            Purpose = purpose,
            Identifier = identifier,
            TokenHash = secrets.Hash(secret),
            ExpiresAt = Now + Settings.VerificationLifetime,
        }, cancellationToken);
        await AuditAsync(AuditActions.TokenCreated, user.PublicId, $"user:{user.PublicId}", AuditOutcomes.Success, ClientInfo.None, cancellationToken, ("purpose", purpose));
        return secret;
    }

    /// <summary>
    /// A reset asked for an address without an account does the work of a real one, so neither its time nor its
    /// commands tell that the account does not exist: the same secret made and hashed, the same Data Protection work
    /// on a body of the same shape, and a command for each of the real path's: the UPDATE consuming open tokens (here
    /// for an identifier no user has, so it matches nothing), the token's INSERT (the same no-op UPDATE), the audit
    /// row (a true record of a refused request, as a sign-in with an unknown email leaves) and the outbox INSERT (the
    /// no-op UPDATE again). Writing no token and no mail is deliberate: stand-in rows would be junk in tables people
    /// read, and mailing an address that has no account is for the product to decide, not a timing fix.
    /// </summary>
    private async Task MatchResetWorkAsync(string email, ClientInfo client, CancellationToken cancellationToken)
    {
        var nobody = Guid.NewGuid().ToString();
        await verifications.ConsumeOpenAsync(PasswordResetPurpose, nobody, Now, cancellationToken);
        var secret = secrets.New();
        _ = secrets.Hash(secret);
        await verifications.ConsumeOpenAsync(PasswordResetPurpose, nobody, Now, cancellationToken);
        await AuditAsync(AuditActions.TokenCreated, null, null, AuditOutcomes.Failure, client, cancellationToken,
            ("purpose", PasswordResetPurpose), ("reason", "unknown_user"));
        _ = dataProtection.CreateProtector(OutboxMailSender.Purpose).Protect(ResetMail(email, secret).Body);
        await verifications.ConsumeOpenAsync(PasswordResetPurpose, nobody, Now, cancellationToken);
    }

    private OutgoingMail ResetMail(string to, string secret) => new(to, PasswordResetPurpose, "Reset your password",
        $"Reset your password with this code: {secret}\nIt expires in {Settings.VerificationLifetime.TotalMinutes:0} minutes. If you did not ask, ignore this message.");

    private async Task<Verification> ConsumeVerificationAsync(string purpose, string token, CancellationToken cancellationToken)
    {
        var claim = await verifications.ClaimAsync(purpose, secrets.Hash(token), identifier: null, Now, cancellationToken);
        return claim.Outcome switch
        {
            VerificationClaimOutcome.Claimed => claim.Verification!,
            VerificationClaimOutcome.Used => throw new GoneError("auth.token_used", "The token was already used or replaced by a newer one."),
            VerificationClaimOutcome.Expired => throw new GoneError("auth.token_expired", "The token has expired; ask for a new one."),
            _ => throw new ValidationError("auth.invalid_token", "token", "The token is not valid."),
        };
    }

    private Task AuditAsync(string action, Guid? actor, string? target, string outcome, ClientInfo client, CancellationToken cancellationToken,
        params (string Key, string Value)[] metadata) =>
        events.PublishAsync(new AuditEvent(action, actor, target, outcome, client.Ip, client.UserAgent,
            metadata.Length == 0 ? null : metadata.ToDictionary(m => m.Key, m => m.Value)), cancellationToken);
}
