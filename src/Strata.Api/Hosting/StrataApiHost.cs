using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Strata.Api.Endpoints;
using Strata.AspNetCore.Configuration;
using Strata.AspNetCore.Routing;
using Strata.Api.Errors;
using Strata.Api.OpenApi;
using Strata.Data;
using Strata.Data.Diagnostics;
using Strata.Modules.Auth.Services;

namespace Strata.Api.Hosting;

/// <summary>
/// The API host composed from a module list, in two calls that Program.cs and the tests share (so tests run what
/// production runs): <see cref="AddStrataApi"/> adds the cross-cutting set-up — errors, JSON, limits, OpenAPI, metrics,
/// request logging — and the modules; <see cref="UseStrataApiAsync"/> adds the middleware, prepares the database and
/// maps the routes of every module that has some.
/// </summary>
internal static class StrataApiHost
{
    public static WebApplicationBuilder AddStrataApi(this WebApplicationBuilder builder, Action<StrataBuilder> modules)
    {
        var options = builder.Configuration.GetSection(StrataApiOptions.SectionName).Get<StrataApiOptions>() ?? new StrataApiOptions();
        builder.WebHost.ConfigureKestrel(kestrel => LimitRequests(kestrel.Limits, options));

        var services = builder.Services;
        services.AddOptions<StrataApiOptions>().BindConfiguration(StrataApiOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StrataApiOptions>, StrataApiOptionsValidator>();
        // Through IOptions, so a bad entry is refused by the validator, naming the setting, before anything uses it.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<StrataApiOptions>>((forwarded, api) => TrustProxies(forwarded, api.Value.TrustedProxies));
        services.AddStrataProblemDetails();
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            // The web defaults also read numbers written as strings, and the OpenAPI document then types every integer
            // as "integer or string": generated clients see number | string. Numbers are numbers, in and out.
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        // Malformed bodies throw in every environment, so one handler answers them the same way everywhere.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddStrataOpenApi();
        services.AddAuthorization();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicies.Credentials, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.AuthPermitLimit, Window = options.AuthWindow, QueueLimit = 0 }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.AuthWindow;
                rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests.",
                        Detail = "Too many attempts from this address; wait before trying again.",
                        Extensions = { ["code"] = "auth.rate_limited" },
                    },
                });
            };
        });
        // ASP.NET Core's own meters, named rather than AddAspNetCoreInstrumentation(): that adds a middleware to every
        // request for error.type (which the exception handler already reports) and meters recording on every request
        // (routing match attempts, authentication, memory pool) that nobody reads here.
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting")
            .AddMeter("Npgsql")
            .AddMeter(StrataMetrics.MeterName, MailMetrics.MeterName)
            .AddPrometheusExporter());
        services.AddStrata(builder.Configuration, modules);
        return builder;
    }

    public static async Task<WebApplication> UseStrataApiAsync(this WebApplication app)
    {
        // First, so everything after (logging, rate limits, sessions, the audit log) sees the client, not the proxy.
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value is { KnownProxies.Count: > 0 } or { KnownIPNetworks.Count: > 0 })
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        await app.PrepareDatabaseAsync();
        app.MapStrataEndpoints();
        return app;
    }

    /// <summary>
    /// Kestrel's limits, set here rather than inherited, so docs/reliability.md can state them. A request that breaks one
    /// of the first four is refused by Kestrel itself, before any middleware, with a bare 400, 414 or 431 and no body
    /// (a NUL in the path is refused the same way); a slow body is a 408 problem from the exception handler.
    /// </summary>
    private static void LimitRequests(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerLimits limits, StrataApiOptions options)
    {
        limits.MaxRequestLineSize = 8 * 1024;
        limits.MaxRequestHeadersTotalSize = 32 * 1024;
        limits.MaxRequestHeaderCount = 100;
        limits.RequestHeadersTimeout = TimeSpan.FromSeconds(30);
        limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        limits.MinRequestBodyDataRate = new(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
    }

    /// <summary>Believes forwarded headers from the configured proxies only (ASP.NET Core trusts loopback by default).</summary>
    private static void TrustProxies(ForwardedHeadersOptions forwarded, IEnumerable<string> proxies)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var entry in proxies)
        {
            // Entries were checked by StrataApiOptionsValidator when the options were read.
            if (StrataApiOptions.TryParseProxy(entry, out var address, out var network))
            {
                if (network is { } known)
                {
                    forwarded.KnownIPNetworks.Add(known);
                }
                else
                {
                    forwarded.KnownProxies.Add(address!);
                }
            }
        }
    }
}
