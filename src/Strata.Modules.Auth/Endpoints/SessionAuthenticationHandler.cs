using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Services;

namespace Strata.Modules.Auth.Endpoints;

/// <summary>
/// <c>Authorization: Bearer &lt;session token&gt;</c>: the token is hashed and looked up (never compared in plain) —
/// in the instance's short-lived session cache, else the database — renewed when due, and the user becomes the
/// scope's tenant. Unknown, revoked or expired tokens get 401 problem details.
/// </summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string SessionIdClaim = "sid";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        // Resolved only for a request that carries a token: the authenticator brings the session, its repositories and
        // their pooled context, which an anonymous request (a health probe, a part page) must not pay for.
        var services = Context.RequestServices;
        var session = await services.GetRequiredService<ISessionAuthenticator>().AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (session is null)
        {
            return AuthenticateResult.Fail("The session token is unknown, revoked or expired.");
        }

        services.GetRequiredService<TenantContext>().Set(session.User.Id);
        Context.Features.Set(session);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, session.User.Id.ToString()),
            new Claim(SessionIdClaim, session.SessionId.ToString()),
            new Claim(ClaimTypes.Email, session.User.Email),
            new Claim(ClaimTypes.Name, session.User.Name),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
