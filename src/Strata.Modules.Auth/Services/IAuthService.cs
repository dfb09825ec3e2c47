namespace Strata.Modules.Auth.Services;

/// <summary>Sign-up, sign-in and everything a signed-in user does with their own credentials and sessions.</summary>
public interface IAuthService
{
    /// <summary>Creates a user with a password and signs them in; <c>auth.email_taken</c> (409) when the email is in use.</summary>
    Task<AuthResult> SignUpAsync(string email, string password, string name, ClientInfo client, CancellationToken cancellationToken = default);

    /// <summary>
    /// Signs in with email and password. Unknown email, wrong password and a locked account all answer the same
    /// <c>auth.invalid_credentials</c> (401) in comparable time; failures are recorded even though the request is refused.
    /// </summary>
    Task<AuthResult> SignInAsync(string email, string password, ClientInfo client, CancellationToken cancellationToken = default);

    /// <summary>Revokes one of the user's sessions (<c>auth.session_not_found</c> 404 for anyone else's).</summary>
    Task RevokeSessionAsync(Guid userId, Guid sessionId, ClientInfo client, CancellationToken cancellationToken = default);

    /// <summary>The user's active sessions, newest first.</summary>
    Task<IReadOnlyList<SessionInfo>> ListSessionsAsync(Guid userId, Guid currentSessionId, CancellationToken cancellationToken = default);

    /// <summary>Issues an email-verification token and hands it to the mail sender.</summary>
    Task RequestEmailVerificationAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Confirms an email with its token (400 unknown, 410 expired or used).</summary>
    Task<UserDto> ConfirmEmailAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>Sends a reset token when the email belongs to a user; answers the same either way.</summary>
    Task ForgotPasswordAsync(string email, ClientInfo client, CancellationToken cancellationToken = default);

    /// <summary>Sets a new password with a reset token; revokes every session and rotates the security stamp.</summary>
    Task ResetPasswordAsync(string token, string newPassword, ClientInfo client, CancellationToken cancellationToken = default);

    /// <summary>Changes the password after checking the current one.</summary>
    Task ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, ClientInfo client, CancellationToken cancellationToken = default);
}

/// <summary>Turns a bearer token into the request's session (hashed lookup; sliding renewal).</summary>
public interface ISessionAuthenticator
{
    /// <summary>The active session of <paramref name="token"/>, or null when it is unknown, revoked or expired.</summary>
    Task<AuthenticatedSession?> AuthenticateAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>Revokes the user's session <paramref name="sessionId"/> (sign-out).</summary>
    Task SignOutAsync(Guid userId, Guid sessionId, ClientInfo client, CancellationToken cancellationToken = default);
}
