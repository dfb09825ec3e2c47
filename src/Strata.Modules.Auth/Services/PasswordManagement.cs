using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Strata.Data.Errors;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Events;
using Strata.Modules.Auth.Repositories;

namespace Strata.Modules.Auth.Services;

/// <inheritdoc />
internal sealed class PasswordManagement(
    DatabaseSession database,
    UserRepository users,
    SessionRepository sessions,
    SessionCache cachedSessions,
    PasswordCredentials credentials,
    VerificationTokens tokens,
    IDataProtectionProvider dataProtection,
    IMailSender mail,
    MailTemplate template,
    IAuditTrail audit,
    TimeProvider clock) : IPasswordManagement
{
    private const string ResetPurpose = VerificationTokens.PasswordResetPurpose;

    public Task ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, ClientInfo client, CancellationToken cancellationToken = default)
    {
        credentials.Check(newPassword, "newPassword");
        return database.InTransactionAsync(async token =>
        {
            var user = await users.GetTrackedAsync(userId, token);
            var account = await credentials.FindAsync(user, token);
            if (account is null || credentials.Verify(account, currentPassword) == PasswordVerificationResult.Failed)
            {
                throw new ValidationError("auth.wrong_password", "currentPassword", "The current password is not correct.");
            }

            await credentials.SetAsync(user, newPassword, token);
            await audit.RecordAsync(AuditActions.PasswordChange, user.PublicId, AuditTargets.User(user.PublicId), AuditOutcomes.Success, client, token, ("via", "change"));
        }, cancellationToken: cancellationToken);
    }

    public Task ForgotPasswordAsync(string email, ClientInfo client, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var user = await users.FindByEmailForUpdateAsync(email, token);
            if (user is null)
            {
                await MatchResetWorkAsync(email, client, token);
                return;
            }

            var secret = await tokens.IssueAsync(ResetPurpose, user, token);
            await mail.SendAsync(ResetMail(user.Email, secret), token);
        }, cancellationToken: cancellationToken);

    /// <remarks>The user's sessions leave this instance's cache once the unit returns; other instances' within <c>Strata:Auth:SessionCacheDuration</c>.</remarks>
    public async Task ResetPasswordAsync(string token, string newPassword, ClientInfo client, CancellationToken cancellationToken = default)
    {
        credentials.Check(newPassword, "password");
        var userId = await database.InTransactionAsync(async cancel =>
        {
            var verification = await tokens.ConsumeAsync(ResetPurpose, token, cancel);
            var user = await users.FindTrackedAsync(Guid.Parse(verification.Identifier), cancel) ?? throw VerificationTokens.InvalidToken();
            await credentials.SetAsync(user, newPassword, cancel);
            user.FailedSignInCount = 0;
            user.LockoutEnd = null;
            var revoked = await sessions.RevokeAllAsync(user.Id, clock.GetUtcNow().UtcDateTime, cancel);
            await audit.RecordAsync(AuditActions.PasswordChange, user.PublicId, AuditTargets.User(user.PublicId), AuditOutcomes.Success, client, cancel,
                ("via", "reset"), ("sessions_revoked", revoked.ToString(CultureInfo.InvariantCulture)));
            return user.Id;
        }, cancellationToken: cancellationToken);
        cachedSessions.ForgetUser(userId);
    }

    /// <summary>
    /// A reset asked for an address without an account does the work of a real one, so neither its time nor its
    /// commands tell that the account does not exist: the code's work (<see cref="VerificationTokens.IssueToNobodyAsync"/>),
    /// the same Data Protection work on a body of the same shape, and a no-op command for the outbox INSERT. Writing no
    /// mail is deliberate: mailing an address that has no account is for the product to decide, not a timing fix.
    /// </summary>
    private async Task MatchResetWorkAsync(string email, ClientInfo client, CancellationToken cancellationToken)
    {
        var secret = await tokens.IssueToNobodyAsync(ResetPurpose, client, cancellationToken);
        _ = OutboxMailSender.Seal(dataProtection, ResetMail(email, secret));
        await tokens.StandInWriteAsync(ResetPurpose, cancellationToken);
    }

    private OutgoingMail ResetMail(string to, string secret) => MailTemplate.Compose(to, ResetPurpose, "Reset your password",
        "Someone asked to reset the password of your account.", secret, template.Link("reset-password", ("token", secret)), "Choose a new password",
        string.Create(CultureInfo.InvariantCulture, $"The code expires in {tokens.Lifetime.TotalMinutes:0} minutes. If you did not ask, ignore this message: your password stays as it is."));
}
