using Strata.Data.Errors;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Repositories;

namespace Strata.Modules.Auth.Services;

/// <inheritdoc />
internal sealed class EmailVerification(
    DatabaseSession database, UserRepository users, VerificationTokens tokens, IMailSender mail, MailTemplate template, SessionCache cachedSessions)
    : IEmailVerification
{
    private const string Purpose = VerificationTokens.EmailVerificationPurpose;

    public Task RequestEmailVerificationAsync(Guid userId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var user = await users.GetByPublicIdAsync(userId, token);
            if (user.EmailVerified)
            {
                throw new ConflictError("auth.email_already_verified", "The email address is already verified.");
            }

            var secret = await tokens.IssueAsync(Purpose, user, token);
            await mail.SendAsync(MailTemplate.Compose(user.Email, Purpose, "Confirm your email address",
                "Confirm your email address to finish setting up your account.", secret, template.Link("verify-email", ("token", secret)), "Confirm your email address",
                $"The code expires in {tokens.Lifetime.TotalMinutes:0} minutes. If you did not sign up, ignore this message."), token);
        }, cancellationToken: cancellationToken);

    /// <remarks>The user's cached sessions are forgotten, so this instance's next request shows the verified address.</remarks>
    public async Task<UserDto> ConfirmEmailAsync(string token, CancellationToken cancellationToken = default)
    {
        var (userId, confirmed) = await database.InTransactionAsync(async cancel =>
        {
            var verification = await tokens.ConsumeAsync(Purpose, token, cancel);
            var user = await users.FindTrackedAsync(Guid.Parse(verification.Identifier), cancel) ?? throw VerificationTokens.InvalidToken();
            user.EmailVerified = true;
            return (user.Id, UserDto.From(user));
        }, cancellationToken: cancellationToken);
        cachedSessions.ForgetUser(userId);
        return confirmed;
    }
}
