using System.Collections;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Strata.AspNetCore.Configuration;

namespace Strata.Api.Hosting;

/// <summary>
/// Gives every request a correlation id — the caller's <c>X-Correlation-Id</c> when well-formed, else the trace id —
/// echoed in the response and carried by a log scope over everything the request logs; and logs one line per request
/// (method, path but never the query string, which may carry tokens, status, duration): at Warning when it answered 5xx
/// or took at least <see cref="StrataApiOptions.SlowRequestThreshold"/>, else at Debug, so a production host at
/// Information logs the requests an operator has to look at rather than a line for every health probe.
/// </summary>
internal sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger, IOptions<StrataApiOptions> options)
{
    public const string Header = "X-Correlation-Id";

    private readonly TimeSpan _slowRequest = options.Value.SlowRequestThreshold;

    public async Task InvokeAsync(HttpContext context)
    {
        var correlation = new CorrelationScope(context.Response, CorrelationIdOf(context));
        // Set when the response starts rather than now: the exception handler clears the headers of a failed response.
        context.Response.OnStarting(CorrelationScope.EchoAsync, correlation);
        using var scope = logger.BeginScope(correlation);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var level = context.Response.StatusCode >= StatusCodes.Status500InternalServerError || elapsed >= _slowRequest
                ? LogLevel.Warning
                : LogLevel.Debug;
            LogRequest(logger, level, context.Request.Method, context.Request.Path.Value, context.Response.StatusCode, elapsed.TotalMilliseconds);
        }
    }

    private static string CorrelationIdOf(HttpContext context)
    {
        var supplied = context.Request.Headers[Header].ToString();
        return CorrelationIdFormat().IsMatch(supplied) ? supplied : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
    }

    [LoggerMessage(EventId = 1, EventName = "RequestAnswered", Message = "HTTP {Method} {Path} answered {StatusCode} in {ElapsedMs:F1} ms")]
    private static partial void LogRequest(ILogger logger, LogLevel level, string method, string? path, int statusCode, double elapsedMs);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex CorrelationIdFormat();

    /// <summary>
    /// The request's correlation id, as the log scope (one <c>CorrelationId</c> property) and as the state of the
    /// callback that echoes it: one small object per request instead of a dictionary and a closure.
    /// </summary>
    private sealed class CorrelationScope(HttpResponse response, string correlationId) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public static readonly Func<object, Task> EchoAsync = static state =>
        {
            var scope = (CorrelationScope)state;
            scope._response.Headers[Header] = scope._correlationId;
            return Task.CompletedTask;
        };

        private readonly HttpResponse _response = response;
        private readonly string _correlationId = correlationId;

        public int Count => 1;

        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new("CorrelationId", _correlationId) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"CorrelationId:{_correlationId}";
    }
}
