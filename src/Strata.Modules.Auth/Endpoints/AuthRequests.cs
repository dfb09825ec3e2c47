using FluentValidation;
using Strata.Modules.Auth.Services;

namespace Strata.Modules.Auth.Endpoints;

/// <summary>Sign-up body.</summary>
/// <param name="Email">The address to sign in with: well formed, at most 320 characters, not used by another account.</param>
/// <param name="Password">The password: 12 to 256 characters (the minimum is configurable).</param>
/// <param name="Name">Display name, 1 to 200 characters.</param>
public sealed record SignUpRequest(string Email, string Password, string Name);

/// <summary>Sign-in body.</summary>
/// <param name="Email">The account's email address.</param>
/// <param name="Password">The account's password.</param>
public sealed record SignInRequest(string Email, string Password);

/// <summary>A one-time token: an email-verification code, or an invitation's token.</summary>
/// <param name="Token">The token as the mail (or the invitation's answer) gave it.</param>
public sealed record TokenRequest(string Token);

/// <summary>Forgot-password body.</summary>
/// <param name="Email">The address of the account whose password is forgotten.</param>
public sealed record ForgotPasswordRequest(string Email);

/// <summary>Reset-password body.</summary>
/// <param name="Token">The code from the reset mail.</param>
/// <param name="Password">The new password: 12 to 256 characters (the minimum is configurable).</param>
public sealed record ResetPasswordRequest(string Token, string Password);

/// <summary>Change-password body.</summary>
/// <param name="CurrentPassword">The password in use now.</param>
/// <param name="NewPassword">The new password: 12 to 256 characters (the minimum is configurable).</param>
public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

/// <summary>The current session: <c>{ id, expiresAt }</c>.</summary>
/// <param name="Id">The session's public id, as <c>GET /auth/sessions</c> lists it.</param>
/// <param name="ExpiresAt">When it expires unless renewed by use (UTC).</param>
public sealed record CurrentSession(Guid Id, DateTime ExpiresAt);

/// <summary>The answer of <c>GET /auth/session</c>: <c>{ user, session }</c>.</summary>
/// <param name="User">The signed-in user.</param>
/// <param name="Session">The session making the request.</param>
public sealed record SessionAnswer(Modules.Auth.Services.UserDto User, CurrentSession Session);

internal sealed class SignUpRequestValidator : AbstractValidator<SignUpRequest>
{
    public SignUpRequestValidator()
    {
        RuleFor(r => r.Email).ValidEmailAddress();
        RuleFor(r => r.Password).NotEmpty();
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
    }
}

internal sealed class SignInRequestValidator : AbstractValidator<SignInRequest>
{
    public SignInRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(EmailAddresses.MaxLength);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(256);
    }
}

internal sealed class TokenRequestValidator : AbstractValidator<TokenRequest>
{
    public TokenRequestValidator() => RuleFor(r => r.Token).NotEmpty().MaximumLength(128);
}

internal sealed class ForgotPasswordRequestValidator : AbstractValidator<ForgotPasswordRequest>
{
    public ForgotPasswordRequestValidator() => RuleFor(r => r.Email).NotEmpty().MaximumLength(EmailAddresses.MaxLength);
}

internal sealed class ResetPasswordRequestValidator : AbstractValidator<ResetPasswordRequest>
{
    public ResetPasswordRequestValidator()
    {
        RuleFor(r => r.Token).NotEmpty().MaximumLength(128);
        RuleFor(r => r.Password).NotEmpty();
    }
}

internal sealed class ChangePasswordRequestValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordRequestValidator()
    {
        RuleFor(r => r.CurrentPassword).NotEmpty();
        RuleFor(r => r.NewPassword).NotEmpty();
    }
}

/// <summary>Finishes a passkey registration: the ceremony id from the options, the browser's credential, a name for it.</summary>
/// <param name="CeremonyId">The <c>ceremonyId</c> of <c>POST /auth/passkeys/register/options</c>.</param>
/// <param name="Credential">The PublicKeyCredential that <c>navigator.credentials.create()</c> returned, as JSON (its <c>toJSON()</c>).</param>
/// <param name="Name">A name for the passkey, at most 200 characters; <c>Passkey</c> when absent.</param>
public sealed record PasskeyRegistrationRequest(string CeremonyId, System.Text.Json.JsonElement Credential, string? Name = null);

/// <summary>Finishes a passkey sign-in: the ceremony id from the options and the browser's credential.</summary>
/// <param name="CeremonyId">The <c>ceremonyId</c> of <c>POST /auth/passkeys/sign-in/options</c>.</param>
/// <param name="Credential">The PublicKeyCredential that <c>navigator.credentials.get()</c> returned, as JSON (its <c>toJSON()</c>).</param>
public sealed record PasskeySignInRequest(string CeremonyId, System.Text.Json.JsonElement Credential);

/// <summary>Renames a passkey.</summary>
/// <param name="Name">The new name, 1 to 200 characters.</param>
public sealed record RenamePasskeyRequest(string Name);

internal sealed class PasskeyRegistrationRequestValidator : AbstractValidator<PasskeyRegistrationRequest>
{
    public PasskeyRegistrationRequestValidator()
    {
        RuleFor(r => r.CeremonyId).CeremonyId();
        RuleFor(r => r.Credential).Credential();
        RuleFor(r => r.Name).MaximumLength(200);
    }
}

internal sealed class PasskeySignInRequestValidator : AbstractValidator<PasskeySignInRequest>
{
    public PasskeySignInRequestValidator()
    {
        RuleFor(r => r.CeremonyId).CeremonyId();
        RuleFor(r => r.Credential).Credential();
    }
}

internal sealed class RenamePasskeyRequestValidator : AbstractValidator<RenamePasskeyRequest>
{
    public RenamePasskeyRequestValidator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
}

/// <summary>Rules the passkey ceremony bodies share.</summary>
internal static class PasskeyRequestRules
{
    public static IRuleBuilderOptions<T, string> CeremonyId<T>(this IRuleBuilder<T, string> rule) => rule.NotEmpty().MaximumLength(128);

    public static IRuleBuilderOptions<T, System.Text.Json.JsonElement> Credential<T>(this IRuleBuilder<T, System.Text.Json.JsonElement> rule) =>
        rule.Must(c => c.ValueKind == System.Text.Json.JsonValueKind.Object)
            .WithMessage("'Credential' must be the PublicKeyCredential object the browser returned, as JSON.");
}

/// <summary>
/// The email rule of every body that carries an address to keep (sign-up, invitations): the auth module's
/// <see cref="EmailAddresses"/>, so the route and the services accept the same addresses.
/// </summary>
public static class EmailRequestRules
{
    /// <summary>Required, at most <see cref="EmailAddresses.MaxLength"/> characters, and well formed.</summary>
    public static IRuleBuilderOptions<T, string> ValidEmailAddress<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(EmailAddresses.MaxLength)
            // Null passes here: NotEmpty reports it, once.
            .Must(email => email is null || EmailAddresses.IsWellFormed(email)).WithMessage("'{PropertyName}' is not a valid email address.");
}
