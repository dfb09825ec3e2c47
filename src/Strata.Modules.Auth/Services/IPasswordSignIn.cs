namespace Strata.Modules.Auth.Services;

/// <summary>Sign-up with an email and a password, and sign-in with them; both answer a new session.</summary>
public interface IPasswordSignIn
{
    /// <summary>Creates a user with a password and signs them in; <c>auth.email_taken</c> (409) when the email is in use.</summary>
    Task<AuthResult> SignUpAsync(string email, string password, string name, ClientInfo client, CancellationToken cancellationToken = default);

    /// <summary>
    /// Signs in with email and password. Unknown email, wrong password and a locked account all answer the same
    /// <c>auth.invalid_credentials</c> (401) in comparable time; failures are recorded even though the request is refused.
    /// </summary>
    Task<AuthResult> SignInAsync(string email, string password, ClientInfo client, CancellationToken cancellationToken = default);
}
