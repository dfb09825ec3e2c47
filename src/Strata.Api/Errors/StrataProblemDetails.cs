using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Strata.Data.Errors;

namespace Strata.Api.Errors;

/// <summary>
/// The one mapping from errors to RFC 9457 problem details: every problem carries a stable <c>code</c> and the
/// <c>traceId</c>; <see cref="StrataError"/>s keep their status and code, validation errors list <c>errors</c>,
/// and provider exceptions are translated first, so no route ever builds error JSON of its own.
/// </summary>
internal static class StrataProblemDetails
{
    public static IServiceCollection AddStrataProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (!context.ProblemDetails.Extensions.TryGetValue("code", out var value) || value is not string code)
            {
                code = DefaultCode(context.ProblemDetails.Status);
                context.ProblemDetails.Extensions["code"] = code;
            }

            // One scheme for every problem, the framework's included: the page that explains the code.
            context.ProblemDetails.Type = ProblemTypes.For(context.HttpContext, code);
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<StrataExceptionHandler>();
        return services;
    }

    /// <summary>The problem details for <paramref name="error"/>.</summary>
    public static ProblemDetails ToProblemDetails(StrataError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var problem = error is ValidationError validation
            ? new ValidationProblemDetails(validation.Errors.ToDictionary(e => e.Key, e => e.Value))
            : new ProblemDetails();
        problem.Status = error.Status;
        problem.Title = error.Title;
        problem.Detail = error is DatabaseError ? null : error.Message;
        problem.Extensions["code"] = error.Code;
        if (error is ConflictError { Field: { } field })
        {
            problem.Extensions["field"] = field;
        }

        return problem;
    }

    // Framework-produced problems (404 for an unknown route, 405, 408 for a body that stalls, 415 …) get a code from
    // their status; a 4xx the list does not name is still the client's, never a server error.
    private static string DefaultCode(int? status) => status switch
    {
        400 => "request.invalid",
        401 => "auth.unauthorized",
        403 => "auth.forbidden",
        404 => "request.not_found",
        405 => "request.method_not_allowed",
        408 => "request.timeout",
        411 => "request.length_required",
        413 => "request.too_large",
        414 => "request.uri_too_long",
        415 => "request.unsupported_media_type",
        431 => "request.headers_too_large",
        >= 400 and < 500 => "request.invalid",
        503 => "server.unavailable",
        _ => "server.error",
    };
}

/// <summary>
/// Answers every exception that escapes a route: <see cref="StrataError"/>s and translatable database exceptions with
/// their own status and code, malformed requests (<see cref="BadHttpRequestException"/>: bad JSON, wrong content
/// type, oversize body) with theirs, anything else as a 500 with no stack, SQL or message — logged with the trace id.
/// </summary>
internal sealed class StrataExceptionHandler(IProblemDetailsService problems, ILogger<StrataExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (DatabaseErrorTranslator.Translate(exception) is { } error)
        {
            if (error.Status >= 500)
            {
                logger.LogError(exception, "Request failed with {Code} (trace {TraceId}).", error.Code, Activity.Current?.Id ?? httpContext.TraceIdentifier);
            }

            problem = StrataProblemDetails.ToProblemDetails(error);
        }
        else if (exception is BadHttpRequestException badRequest)
        {
            problem = new ProblemDetails { Status = badRequest.StatusCode, Detail = badRequest.Message };
        }
        else
        {
            logger.LogError(exception, "Unhandled exception (trace {TraceId}).", Activity.Current?.Id ?? httpContext.TraceIdentifier);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
