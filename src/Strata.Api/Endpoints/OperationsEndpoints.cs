using Microsoft.AspNetCore.Http.HttpResults;
using Scalar.AspNetCore;
using Strata.Data.Diagnostics;

namespace Strata.Api.Endpoints;

/// <summary>Operational routes: liveness, readiness, Prometheus metrics, the OpenAPI document and the reference page.</summary>
internal static class OperationsEndpoints
{
    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder routes)
    {
        var health = routes.MapGroup("/health").WithTags("Operations");
        health.MapGet("/live", Live)
            .WithName("HealthLive")
            .WithSummary("Answers 200 while the process runs.")
            .WithDescription("Answers 200 `{ \"status\": \"live\" }` while the process runs, without asking the database: for liveness probes, " +
                "which should restart the process when it fails. No session needed.");
        health.MapGet("/ready", ReadyAsync)
            .WithName("HealthReady")
            .WithSummary("Answers 200 when the database answers and no migration is pending, else 503 with the reason.")
            .WithDescription("Answers 200 `{ \"status\": \"ready\" }` when the database answers and no migration is pending, " +
                "else 503 `health.not_ready` with the reason in `detail`: for readiness probes and load balancers, which should send no traffic until it passes. " +
                "No session needed.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        routes.MapPrometheusScrapingEndpoint("/metrics").ExcludeFromDescription();
        routes.MapOpenApi().ExcludeFromDescription();
        // The reference works offline: Scalar's script is served by the app, and its fonts (from fonts.scalar.com) are not used.
        routes.MapScalarApiReference("/docs", scalar => scalar.WithTitle("Strata API").DisableDefaultFonts()).ExcludeFromDescription();
        return routes;
    }

    private static Ok<HealthStatus> Live() => TypedResults.Ok(new HealthStatus("live"));

    private static async Task<Results<Ok<HealthStatus>, ProblemHttpResult>> ReadyAsync(DatabaseReadiness readiness, CancellationToken cancellationToken)
    {
        var report = await readiness.CheckAsync(cancellationToken);
        return report.IsReady
            ? TypedResults.Ok(new HealthStatus("ready"))
            : TypedResults.Problem(
                detail: report.Reason,
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Not ready",
                extensions: new Dictionary<string, object?> { ["code"] = "health.not_ready" });
    }

    /// <summary>A health answer.</summary>
    /// <param name="Status">What was checked and passed.</param>
    internal sealed record HealthStatus(string Status);
}
