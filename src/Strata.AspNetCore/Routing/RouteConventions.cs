using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Strata.AspNetCore.Routing;

/// <summary>Route conventions every module's routes share.</summary>
public static class RouteConventions
{
    /// <summary>Requires a valid session (401 otherwise); the session scheme is the auth module's.</summary>
    public static TBuilder RequireSession<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization().WithMetadata(new ProducesProblemMetadata(StatusCodes.Status401Unauthorized));
}

/// <summary>Declares a problem response in OpenAPI for a whole group (where <c>ProducesProblem</c> is per route).</summary>
/// <param name="statusCode">The status the problem is answered with.</param>
public sealed class ProducesProblemMetadata(int statusCode) : IProducesResponseTypeMetadata
{
    /// <inheritdoc />
    public Type? Type => typeof(ProblemDetails);

    /// <inheritdoc />
    public int StatusCode => statusCode;

    /// <inheritdoc />
    public string? Description => null;

    /// <inheritdoc />
    public IEnumerable<string> ContentTypes => ["application/problem+json"];
}
