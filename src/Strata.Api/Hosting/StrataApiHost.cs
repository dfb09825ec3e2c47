using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.Json;
using OpenTelemetry.Metrics;
using Strata.Api.Errors;
using Strata.Api.OpenApi;
using Strata.Data.Diagnostics;

namespace Strata.Api.Hosting;

/// <summary>The API host's cross-cutting set-up: errors, JSON, limits, OpenAPI, metrics, request logging.</summary>
internal static class StrataApiHost
{
    public static WebApplicationBuilder AddStrataApi(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(StrataApiOptions.SectionName).Get<StrataApiOptions>() ?? new StrataApiOptions();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        var services = builder.Services;
        services.AddStrataProblemDetails();
        services.Configure<JsonOptions>(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase);
        // Malformed bodies throw in every environment, so one handler answers them the same way everywhere.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<BearerSecuritySchemeTransformer>());
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter("Npgsql")
            .AddMeter(StrataMetrics.MeterName)
            .AddPrometheusExporter());
        return builder;
    }

    public static WebApplication UseStrataApi(this WebApplication app)
    {
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
