using System.ComponentModel;
using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Strata.AspNetCore.Configuration;
using Strata.AspNetCore.Routing;
using Strata.AspNetCore.Validation;
using Strata.Modules.Auth.Services;

namespace Strata.Modules.Auth.Endpoints;

/// <summary>The Auth routes of the API contract, passkeys included.</summary>
internal static class AuthEndpoints
{
    public const string RateLimitPolicy = "auth";

    // Parameter descriptions for the OpenAPI document.
    private const string PasskeyIdDescription = "The passkey's public id, as `GET /auth/passkeys` lists it.";
    private const string SessionIdDescription = "The session's public id, as `GET /auth/sessions` lists it.";

    // Request examples for the API reference: values the routes accept.
    private const string ExamplePassword = "correct-horse-battery-staple";
    private const string ExampleMailedToken = "L_XlapCVK0qbJxygP0DoRFY41loWezm5_4-iPaN1tJQ";
    private const string ExampleRegistrationCeremonyId = "VoPUQwL5f7_hvpwU54iePIG-6CxT3WaUGk4KnyEian4";
    private const string ExampleSignInCeremonyId = "DcjhnIqnJGTow3T0E-YLhkNBuznjkK8KWQEIf-OdPJQ";

    // A PublicKeyCredential as navigator.credentials.create() returns it (toJSON()), with shortened binary fields.
    private static readonly JsonElement ExampleAttestation = JsonElement.Parse("""
        {
          "id": "mBF7Ic66VLdnfgp60l7Dpg",
          "rawId": "mBF7Ic66VLdnfgp60l7Dpg",
          "type": "public-key",
          "authenticatorAttachment": "platform",
          "response": {
            "clientDataJSON": "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoiM1dldGlfenBhelQzR3RVa0RpeVZVSHhIa3dnbkpoY2FaUkN6Yk1seTZuWSIsIm9yaWdpbiI6Imh0dHA6Ly9sb2NhbGhvc3Q6NTA4MCJ9",
            "attestationObject": "o2NmbXRkbm9uZWdhdHRTdG10oGhhdXRoRGF0YVjF",
            "transports": ["internal", "hybrid"]
          },
          "clientExtensionResults": {}
        }
        """);

    // A PublicKeyCredential as navigator.credentials.get() returns it (toJSON()), with shortened binary fields.
    private static readonly JsonElement ExampleAssertion = JsonElement.Parse("""
        {
          "id": "mBF7Ic66VLdnfgp60l7Dpg",
          "rawId": "mBF7Ic66VLdnfgp60l7Dpg",
          "type": "public-key",
          "authenticatorAttachment": "platform",
          "response": {
            "clientDataJSON": "eyJ0eXBlIjoid2ViYXV0aG4uZ2V0IiwiY2hhbGxlbmdlIjoiM1dldGlfenBhelQzR3RVa0RpeVZVSHhIa3dnbkpoY2FaUkN6Yk1seTZuWSIsIm9yaWdpbiI6Imh0dHA6Ly9sb2NhbGhvc3Q6NTA4MCJ9",
            "authenticatorData": "SZYN5YgOjGh0NBcPZHZgW4_krrmihjLHmVzzuoMdl2MFAAAAAQ",
            "signature": "MEUCIQCkSLqVsGWbv3zE2D0D0pS0UeeW0rTNbxbrM1xQmH8LTwIgBw",
            "userHandle": "MmViYmVhYmItZmQ2Yy00MmZlLTljMWEtMDM4ZmY2MTllNDgy"
          },
          "clientExtensionResults": {}
        }
        """);

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/auth").WithTags("Auth");

        auth.MapPost("/sign-up", SignUpAsync).WithValidation<SignUpRequest>().RequireRateLimiting(RateLimitPolicy)
            .WithName("SignUp").WithSummary("Creates an account and signs it in.")
            .WithDescription("Creates an account with a password and answers `{ user, session }` (201) with the new session's bearer token; " +
                "an email address in use answers 409 `auth.email_taken`. " +
                "No session needed; rate limited per client address; audited (`user_created`, `authn_token_created`). " +
                "No mail is sent: ask for the verification code with `POST /auth/email-verification`.")
            .WithRequestExample(new SignUpRequest("ada@example.com", ExamplePassword, "Ada Lovelace"))
            .ProducesProblem(StatusCodes.Status409Conflict);
        auth.MapPost("/sign-in", SignInAsync).WithValidation<SignInRequest>().RequireRateLimiting(RateLimitPolicy)
            .WithName("SignIn").WithSummary("Signs in with email and password.")
            .WithDescription("Checks the email and password and answers `{ user, session }` with a new session's bearer token. " +
                "A wrong password, an unknown email and a locked account all answer 401 `auth.invalid_credentials`; " +
                "by default five failures in a row lock the account for a minute, doubling with each further failure up to an hour. " +
                "No session needed; rate limited per client address; every attempt is audited (`authn_login_success`, `authn_login_fail`, `authn_login_lock`).")
            .WithRequestExample(new SignInRequest("ada@example.com", ExamplePassword))
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/password/forgot", ForgotPasswordAsync).WithValidation<ForgotPasswordRequest>().RequireRateLimiting(RateLimitPolicy)
            .WithName("ForgotPassword").WithSummary("Sends a reset code when the email belongs to an account; answers 202 either way.")
            .WithDescription("When the address belongs to an account, mails it a one-time reset code (valid for an hour by default) through the mail outbox, replacing any open one. " +
                "Answers 202 whether or not the account exists, and in the same time, so the answer tells nothing about the address. " +
                "No session needed; rate limited per client address; audited (`authn_token_created`).")
            .WithRequestExample(new ForgotPasswordRequest("ada@example.com"));
        auth.MapPost("/password/reset", ResetPasswordAsync).WithValidation<ResetPasswordRequest>()
            .WithName("ResetPassword").WithSummary("Sets a new password with a reset code; revokes every session.")
            .WithDescription("Sets a new password with the code from the reset mail, ends any sign-in lockout and revokes every session of the account; answers 204. " +
                "The code works once: used or replaced answers 410 `auth.token_used`, expired 410 `auth.token_expired`, unknown 400 `auth.invalid_token`. " +
                "No session needed; audited (`authn_password_change`).")
            .WithRequestExample(new ResetPasswordRequest(ExampleMailedToken, "a-new-passphrase-for-ada"))
            .ProducesProblem(StatusCodes.Status410Gone);
        auth.MapPost("/passkeys/sign-in/options", BeginPasskeySignInAsync).RequireRateLimiting(RateLimitPolicy)
            .WithName("BeginPasskeySignIn").WithSummary("Starts a passkey sign-in: WebAuthn request options and a ceremony id.")
            .WithDescription("Starts a passkey sign-in: answers the WebAuthn request options for `navigator.credentials.get()` and a `ceremonyId`, valid for five minutes by default. " +
                "No user is named: the authenticator offers its discoverable credentials. No session needed; rate limited per client address.");
        auth.MapPost("/passkeys/sign-in", CompletePasskeySignInAsync).WithValidation<PasskeySignInRequest>().RequireRateLimiting(RateLimitPolicy)
            .WithName("CompletePasskeySignIn").WithSummary("Finishes a passkey sign-in with the authenticator's assertion; answers { user, session }.")
            .WithDescription("Finishes a passkey sign-in with the ceremony id and the credential that `navigator.credentials.get()` returned; " +
                "answers `{ user, session }` with a new session's bearer token. " +
                "A ceremony is spent by its first answer, whatever the verdict (then 410 `auth.ceremony_used`; 410 `auth.ceremony_expired` once expired); " +
                "an assertion that does not verify answers 401 `auth.invalid_credentials`. " +
                "No session needed; rate limited per client address; audited (`authn_login_success`, `authn_login_fail`).")
            .WithRequestExample(new PasskeySignInRequest(ExampleSignInCeremonyId, ExampleAssertion))
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status410Gone);
        auth.MapPost("/email-verification/confirm", ConfirmEmailAsync).WithValidation<TokenRequest>()
            .WithName("ConfirmEmail").WithSummary("Confirms the email address with its code.")
            .WithDescription("Marks the account's email address verified with the code from the verification mail, and answers the user. " +
                "The code works once: used or replaced answers 410 `auth.token_used`, expired 410 `auth.token_expired`, unknown 400 `auth.invalid_token`. " +
                "No session needed: the code names the account.")
            .WithRequestExample(new TokenRequest(ExampleMailedToken))
            .ProducesProblem(StatusCodes.Status410Gone);

        var signedIn = auth.MapGroup(string.Empty).RequireSession();
        signedIn.MapPost("/sign-out", SignOutAsync).WithName("SignOut").WithSummary("Revokes the current session.")
            .WithDescription("Revokes the session whose token authorizes this request; answers 204. The caller's other sessions stay signed in. " +
                "Needs a session; audited (`authn_token_revoked`).");
        signedIn.MapGet("/session", Session).WithName("GetSession").WithSummary("The signed-in user and session.")
            .WithDescription("Answers the user and the session the bearer token belongs to. " +
                "Sessions last seven days by default and are renewed by use (at most once a day), so `expiresAt` moves on. Needs a session.");
        signedIn.MapGet("/sessions", ListSessionsAsync).WithName("ListSessions").WithSummary("The caller's active sessions.")
            .WithDescription("Lists the caller's unexpired, unrevoked sessions with when each was created, last renewed and expires, " +
                "and the client address and user agent it was opened from; `current` marks the one making this request. Needs a session.");
        signedIn.MapDelete("/sessions/{id:guid}", RevokeSessionAsync).WithName("RevokeSession").WithSummary("Revokes one of the caller's sessions.")
            .WithDescription("Revokes one of the caller's active sessions, such as a lost device's; answers 204. " +
                "A session of another user, or one already revoked or expired, answers 404 `auth.session_not_found`. Needs a session; audited (`authn_token_revoked`).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        signedIn.MapPost("/email-verification", RequestEmailVerificationAsync).WithName("RequestEmailVerification")
            .WithSummary("Sends an email-verification code through the mail outbox.")
            .WithDescription("Mails the caller a one-time code (valid for an hour by default) through the mail outbox, " +
                "to confirm the address with `POST /auth/email-verification/confirm`; a new code replaces any open one. " +
                "Answers 202; 409 `auth.email_already_verified` when the address is verified already. Needs a session; audited (`authn_token_created`).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        signedIn.MapPost("/password/change", ChangePasswordAsync).WithValidation<ChangePasswordRequest>()
            .WithName("ChangePassword").WithSummary("Changes the password after checking the current one.")
            .WithDescription("Changes the caller's password; a wrong current password answers 400 `auth.wrong_password` on `currentPassword`. " +
                "Answers 204; the caller's sessions stay signed in. Needs a session; audited (`authn_password_change`).")
            .WithRequestExample(new ChangePasswordRequest(ExamplePassword, "a-new-passphrase-for-ada"));
        signedIn.MapGet("/me/permissions", MyPermissionsAsync).WithName("MyPermissions").WithSummary("The caller's permission keys.")
            .WithDescription("Answers the permission keys the caller holds, sorted: those of their roles and the roles' parents, and those granted to them directly. " +
                "Needs a session. Use it to show or hide actions; the server checks the permission on every call.");
        signedIn.MapGet("/passkeys", ListPasskeysAsync).WithName("ListPasskeys").WithSummary("The caller's passkeys.")
            .WithDescription("Lists the caller's passkeys: name, credential id, transports, backup state, authenticator model (AAGUID), and when each was registered and last used. " +
                "Needs a session.");
        signedIn.MapPost("/passkeys/register/options", BeginPasskeyRegistrationAsync).WithName("BeginPasskeyRegistration")
            .WithSummary("Starts registering a passkey: WebAuthn creation options and a ceremony id.")
            .WithDescription("Starts registering a passkey for the caller: answers the WebAuthn creation options for `navigator.credentials.create()` and a `ceremonyId`, " +
                "valid for five minutes by default. Needs a session.");
        signedIn.MapPost("/passkeys/register", CompletePasskeyRegistrationAsync).WithValidation<PasskeyRegistrationRequest>()
            .WithName("CompletePasskeyRegistration").WithSummary("Finishes a passkey registration with the authenticator's attestation.")
            .WithDescription("Finishes a passkey registration with the ceremony id, the credential that `navigator.credentials.create()` returned and an optional name; " +
                "answers the new passkey (201). A ceremony is spent by its first answer (then 410 `auth.ceremony_used`; 410 `auth.ceremony_expired` once expired); " +
                "an attestation that does not verify answers 400 `auth.passkey_invalid`, a credential registered before 409. " +
                "Needs a session of the user who started the ceremony; audited (`authn_passkey_added`).")
            .WithRequestExample(new PasskeyRegistrationRequest(ExampleRegistrationCeremonyId, ExampleAttestation, "MacBook Touch ID"))
            .ProducesProblem(StatusCodes.Status410Gone).ProducesProblem(StatusCodes.Status409Conflict);
        signedIn.MapPatch("/passkeys/{id:guid}", RenamePasskeyAsync).WithValidation<RenamePasskeyRequest>()
            .WithName("RenamePasskey").WithSummary("Renames one of the caller's passkeys.")
            .WithDescription("Renames one of the caller's passkeys and answers it; a passkey of another user answers 404. Needs a session.")
            .WithRequestExample(new RenamePasskeyRequest("YubiKey 5C"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        signedIn.MapDelete("/passkeys/{id:guid}", DeletePasskeyAsync).WithName("DeletePasskey")
            .WithSummary("Removes one of the caller's passkeys.")
            .WithDescription("Removes one of the caller's passkeys, which can then no longer sign in; answers 204. A passkey of another user answers 404. " +
                "Needs a session; audited (`authn_passkey_removed`).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Created<AuthResult>> SignUpAsync(SignUpRequest request, IPasswordSignIn auth, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await auth.SignUpAsync(request.Email, request.Password, request.Name, http.Client(), cancellationToken);
        return TypedResults.Created("/auth/session", result);
    }

    private static async Task<Ok<AuthResult>> SignInAsync(SignInRequest request, IPasswordSignIn auth, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await auth.SignInAsync(request.Email, request.Password, http.Client(), cancellationToken));

    private static async Task<NoContent> SignOutAsync(ClaimsPrincipal user, ISessionAuthenticator sessions, HttpContext http, CancellationToken cancellationToken)
    {
        await sessions.SignOutAsync(user.UserId(), user.SessionId(), http.Client(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static Ok<SessionAnswer> Session(HttpContext http)
    {
        var session = http.CurrentSession();
        return TypedResults.Ok(new SessionAnswer(session.User, new CurrentSession(session.SessionId, session.ExpiresAt)));
    }

    private static async Task<Ok<IReadOnlyList<SessionInfo>>> ListSessionsAsync(ClaimsPrincipal user, IUserSessions auth, CancellationToken cancellationToken) =>
        TypedResults.Ok(await auth.ListSessionsAsync(user.UserId(), user.SessionId(), cancellationToken));

    private static async Task<NoContent> RevokeSessionAsync(
        [Description(SessionIdDescription)] Guid id, ClaimsPrincipal user, IUserSessions auth, HttpContext http, CancellationToken cancellationToken)
    {
        await auth.RevokeSessionAsync(user.UserId(), id, http.Client(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted> RequestEmailVerificationAsync(ClaimsPrincipal user, IEmailVerification auth, CancellationToken cancellationToken)
    {
        await auth.RequestEmailVerificationAsync(user.UserId(), cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Ok<UserDto>> ConfirmEmailAsync(TokenRequest request, IEmailVerification auth, CancellationToken cancellationToken) =>
        TypedResults.Ok(await auth.ConfirmEmailAsync(request.Token, cancellationToken));

    private static async Task<Accepted> ForgotPasswordAsync(
        ForgotPasswordRequest request, IPasswordManagement auth, IOptions<StrataApiOptions> options, HttpContext http, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await auth.ForgotPasswordAsync(request.Email, http.Client(), cancellationToken);
        // Wall-clock time on purpose: the answer's moment is what a prober measures, whatever clock the services use.
        if (options.Value.ForgotPasswordFloor - Stopwatch.GetElapsedTime(started) is { Ticks: > 0 } remaining)
        {
            await Task.Delay(remaining, cancellationToken);
        }

        return TypedResults.Accepted((string?)null);
    }

    private static async Task<NoContent> ResetPasswordAsync(ResetPasswordRequest request, IPasswordManagement auth, HttpContext http, CancellationToken cancellationToken)
    {
        await auth.ResetPasswordAsync(request.Token, request.Password, http.Client(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ChangePasswordAsync(ChangePasswordRequest request, ClaimsPrincipal user, IPasswordManagement auth, HttpContext http, CancellationToken cancellationToken)
    {
        await auth.ChangePasswordAsync(user.UserId(), request.CurrentPassword, request.NewPassword, http.Client(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<string>>> MyPermissionsAsync(ClaimsPrincipal user, IPermissionService permissions, CancellationToken cancellationToken) =>
        TypedResults.Ok(await permissions.GetUserPermissionsAsync(user.UserId(), cancellationToken));

    private static async Task<Ok<IReadOnlyList<PasskeyDto>>> ListPasskeysAsync(ClaimsPrincipal user, IPasskeyService passkeys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await passkeys.ListAsync(user.UserId(), cancellationToken));

    private static async Task<Ok<PasskeyCeremony>> BeginPasskeyRegistrationAsync(ClaimsPrincipal user, IPasskeyService passkeys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await passkeys.BeginRegistrationAsync(user.UserId(), cancellationToken));

    private static async Task<Created<PasskeyDto>> CompletePasskeyRegistrationAsync(
        PasskeyRegistrationRequest request, ClaimsPrincipal user, IPasskeyService passkeys, HttpContext http, CancellationToken cancellationToken)
    {
        var passkey = await passkeys.CompleteRegistrationAsync(
            user.UserId(), request.CeremonyId, request.Credential.GetRawText(), request.Name, http.Client(), cancellationToken);
        return TypedResults.Created("/auth/passkeys", passkey);
    }

    private static async Task<Ok<PasskeyCeremony>> BeginPasskeySignInAsync(IPasskeyService passkeys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await passkeys.BeginSignInAsync(cancellationToken));

    private static async Task<Ok<AuthResult>> CompletePasskeySignInAsync(
        PasskeySignInRequest request, IPasskeyService passkeys, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await passkeys.CompleteSignInAsync(request.CeremonyId, request.Credential.GetRawText(), http.Client(), cancellationToken));

    private static async Task<Ok<PasskeyDto>> RenamePasskeyAsync(
        [Description(PasskeyIdDescription)] Guid id, RenamePasskeyRequest request, ClaimsPrincipal user, IPasskeyService passkeys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await passkeys.RenameAsync(user.UserId(), id, request.Name, cancellationToken));

    private static async Task<NoContent> DeletePasskeyAsync(
        [Description(PasskeyIdDescription)] Guid id, ClaimsPrincipal user, IPasskeyService passkeys, HttpContext http, CancellationToken cancellationToken)
    {
        await passkeys.DeleteAsync(user.UserId(), id, http.Client(), cancellationToken);
        return TypedResults.NoContent();
    }
}
