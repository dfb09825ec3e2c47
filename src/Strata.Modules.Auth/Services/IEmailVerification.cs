namespace Strata.Modules.Auth.Services;

/// <summary>Proving a user owns their email address: a code mailed to it, confirmed once.</summary>
public interface IEmailVerification
{
    /// <summary>Issues an email-verification token and hands it to the mail sender; 409 <c>auth.email_already_verified</c>.</summary>
    Task RequestEmailVerificationAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Confirms an email with its token (400 unknown, 410 expired or used).</summary>
    Task<UserDto> ConfirmEmailAsync(string token, CancellationToken cancellationToken = default);
}
