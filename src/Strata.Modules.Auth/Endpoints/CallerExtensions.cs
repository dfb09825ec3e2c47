using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Strata.Modules.Auth.Services;

namespace Strata.Modules.Auth.Endpoints;

/// <summary>The signed-in user and session of a request.</summary>
public static class CallerExtensions
{
    /// <summary>The signed-in user's public id (the route must require a session).</summary>
    public static Guid UserId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);

    /// <summary>The public id of the request's session (the route must require a session).</summary>
    public static Guid SessionId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(SessionAuthenticationHandler.SessionIdClaim)!);

    /// <summary>The request's authenticated session, as the handler found it.</summary>
    public static AuthenticatedSession CurrentSession(this HttpContext context) =>
        context.Features.Get<AuthenticatedSession>() ?? throw new InvalidOperationException("The route must require a session.");

    /// <summary>The calling client's address and user agent, for the audit log.</summary>
    public static ClientInfo Client(this HttpContext context) =>
        new(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null);
}
