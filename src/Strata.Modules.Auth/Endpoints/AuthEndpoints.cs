using System.Diagnostics;
using System.Security.Claims;
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

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/auth").WithTags("Auth");

        auth.MapPost("/sign-up", SignUpAsync).WithValidation<SignUpRequest>().RequireRateLimiting(RateLimitPolicy)
            .WithName("SignUp").WithSummary("Creates an account and signs it in.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        auth.MapPost("/sign-in", SignInAsync).WithValidation<SignInRequest>().RequireRateLimiting(RateLimitPolicy)
            .WithName("SignIn").WithSummary("Signs in with email and password.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/password/forgot", ForgotPasswordAsync).WithValidation<ForgotPasswordRequest>().RequireRateLimiting(RateLimitPolicy)
            .WithName("ForgotPassword").WithSummary("Sends a reset code when the email belongs to an account; answers 202 either way.");
        auth.MapPost("/password/reset", ResetPasswordAsync).WithValidation<ResetPasswordRequest>()
            .WithName("ResetPassword").WithSummary("Sets a new password with a reset code; revokes every session.")
            .ProducesProblem(StatusCodes.Status410Gone);
        auth.MapPost("/passkeys/sign-in/options", BeginPasskeySignInAsync).RequireRateLimiting(RateLimitPolicy)
            .WithName("BeginPasskeySignIn").WithSummary("Starts a passkey sign-in: WebAuthn request options and a ceremony id.");
        auth.MapPost("/passkeys/sign-in", CompletePasskeySignInAsync).WithValidation<PasskeySignInRequest>().RequireRateLimiting(RateLimitPolicy)
            .WithName("CompletePasskeySignIn").WithSummary("Finishes a passkey sign-in with the authenticator's assertion; answers { user, session }.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status410Gone);
        auth.MapPost("/email-verification/confirm", ConfirmEmailAsync).WithValidation<TokenRequest>()
            .WithName("ConfirmEmail").WithSummary("Confirms the email address with its code.")
            .ProducesProblem(StatusCodes.Status410Gone);

        var signedIn = auth.MapGroup(string.Empty).RequireSession();
        signedIn.MapPost("/sign-out", SignOutAsync).WithName("SignOut").WithSummary("Revokes the current session.");
        signedIn.MapGet("/session", Session).WithName("GetSession").WithSummary("The signed-in user and session.");
        signedIn.MapGet("/sessions", ListSessionsAsync).WithName("ListSessions").WithSummary("The caller's active sessions.");
        signedIn.MapDelete("/sessions/{id:guid}", RevokeSessionAsync).WithName("RevokeSession").WithSummary("Revokes one of the caller's sessions.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        signedIn.MapPost("/email-verification", RequestEmailVerificationAsync).WithName("RequestEmailVerification")
            .WithSummary("Sends an email-verification code through the mail outbox.").ProducesProblem(StatusCodes.Status409Conflict);
        signedIn.MapPost("/password/change", ChangePasswordAsync).WithValidation<ChangePasswordRequest>()
            .WithName("ChangePassword").WithSummary("Changes the password after checking the current one.");
        signedIn.MapGet("/me/permissions", MyPermissionsAsync).WithName("MyPermissions").WithSummary("The caller's permission keys.");
        signedIn.MapGet("/passkeys", ListPasskeysAsync).WithName("ListPasskeys").WithSummary("The caller's passkeys.");
        signedIn.MapPost("/passkeys/register/options", BeginPasskeyRegistrationAsync).WithName("BeginPasskeyRegistration")
            .WithSummary("Starts registering a passkey: WebAuthn creation options and a ceremony id.");
        signedIn.MapPost("/passkeys/register", CompletePasskeyRegistrationAsync).WithValidation<PasskeyRegistrationRequest>()
            .WithName("CompletePasskeyRegistration").WithSummary("Finishes a passkey registration with the authenticator's attestation.")
            .ProducesProblem(StatusCodes.Status410Gone).ProducesProblem(StatusCodes.Status409Conflict);
        signedIn.MapPatch("/passkeys/{id:guid}", RenamePasskeyAsync).WithValidation<RenamePasskeyRequest>()
            .WithName("RenamePasskey").WithSummary("Renames one of the caller's passkeys.").ProducesProblem(StatusCodes.Status404NotFound);
        signedIn.MapDelete("/passkeys/{id:guid}", DeletePasskeyAsync).WithName("DeletePasskey")
            .WithSummary("Removes one of the caller's passkeys.").ProducesProblem(StatusCodes.Status404NotFound);
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

    private static async Task<NoContent> RevokeSessionAsync(Guid id, ClaimsPrincipal user, IUserSessions auth, HttpContext http, CancellationToken cancellationToken)
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
        Guid id, RenamePasskeyRequest request, ClaimsPrincipal user, IPasskeyService passkeys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await passkeys.RenameAsync(user.UserId(), id, request.Name, cancellationToken));

    private static async Task<NoContent> DeletePasskeyAsync(Guid id, ClaimsPrincipal user, IPasskeyService passkeys, HttpContext http, CancellationToken cancellationToken)
    {
        await passkeys.DeleteAsync(user.UserId(), id, http.Client(), cancellationToken);
        return TypedResults.NoContent();
    }
}
