namespace Strata.Modules.Auth.Services;

/// <summary>A user's password after sign-up: changed by its owner, or reset through a mailed code when forgotten.</summary>
public interface IPasswordManagement
{
    /// <summary>Changes the password after checking the current one.</summary>
    Task ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, ClientInfo client, CancellationToken cancellationToken = default);

    /// <summary>Sends a reset token when the email belongs to a user; answers the same either way.</summary>
    Task ForgotPasswordAsync(string email, ClientInfo client, CancellationToken cancellationToken = default);

    /// <summary>Sets a new password with a reset token; revokes every session and rotates the security stamp.</summary>
    Task ResetPasswordAsync(string token, string newPassword, ClientInfo client, CancellationToken cancellationToken = default);
}
