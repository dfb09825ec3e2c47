using Microsoft.AspNetCore.Builder;

namespace Strata.AspNetCore.Routing;

/// <summary>Route conventions every module's routes share.</summary>
public static class RouteConventions
{
    /// <summary>
    /// Requires a valid session (401 otherwise); the session scheme is the auth module's. The OpenAPI document declares
    /// the 401 of every route that requires authorization.
    /// </summary>
    public static TBuilder RequireSession<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization();
}
