using Microsoft.AspNetCore.Http.HttpResults;

namespace Strata.Api.Endpoints;

/// <summary>Operational routes: health now; readiness, metrics and docs arrive with the API host issue.</summary>
internal static class OperationsEndpoints
{
    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder routes)
    {
        var health = routes.MapGroup("/health").WithTags("Operations");
        health.MapGet("/live", Live)
            .WithName("HealthLive")
            .WithSummary("Answers 200 while the process runs.");
        return routes;
    }

    private static Ok<HealthStatus> Live() => TypedResults.Ok(new HealthStatus("live"));

    /// <summary>A health answer.</summary>
    /// <param name="Status">What was checked and passed.</param>
    internal sealed record HealthStatus(string Status);
}
