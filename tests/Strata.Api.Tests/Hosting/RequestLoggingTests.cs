using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Strata.Api.Hosting;
using Strata.Data.Configuration;
using Strata.Testing;

namespace Strata.Api.Tests.Hosting;

/// <summary>
/// The line each request logs: Warning for a 5xx or a slow request, Debug otherwise, inside the correlation id's scope
/// (hosting behaviour; SQLite).
/// </summary>
public sealed class RequestLoggingTests(ApiTestDatabases databases)
{
    private const string Category = "Strata.Api.Hosting.RequestLoggingMiddleware";

    [Fact]
    public async Task An_ordinary_request_is_logged_at_debug()
    {
        var logs = await CallAsync("/health/live", new() { [$"Logging:LogLevel:{Category}"] = "Debug" });

        var line = Assert.Single(RequestLines(logs));
        Assert.Equal((LogLevel.Debug, "HTTP GET /health/live answered 200"), (line.Level, line.Message[..34]));
    }

    [Fact]
    public async Task An_ordinary_request_is_not_logged_at_information()
    {
        var logs = await CallAsync("/health/live", new());

        Assert.Empty(RequestLines(logs));
    }

    [Fact]
    public async Task A_request_that_answers_5xx_is_logged_at_warning()
    {
        var logs = await CallAsync("/test/crash", new());

        var line = Assert.Single(RequestLines(logs));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.StartsWith("HTTP GET /test/crash answered 500", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_takes_the_slow_request_threshold_is_logged_at_warning()
    {
        var logs = await CallAsync("/health/live", new() { ["Strata:Api:SlowRequestThreshold"] = "00:00:00.0000001" });

        var line = Assert.Single(RequestLines(logs));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.StartsWith("HTTP GET /health/live answered 200", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_query_string_is_never_logged()
    {
        var logs = await CallAsync("/health/live?token=secret", new() { [$"Logging:LogLevel:{Category}"] = "Debug" });

        Assert.DoesNotContain("secret", Assert.Single(RequestLines(logs)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_a_request_logs_carries_its_correlation_id()
    {
        var logs = await CallAsync("/test/crash", new(), correlationId: "deploy-42.check");

        var error = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        var scope = Assert.Single(error.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>(), s => s.Any(p => p.Key == "CorrelationId"));
        Assert.Equal("deploy-42.check", scope.Single(p => p.Key == "CorrelationId").Value);
    }

    private static IEnumerable<CapturedLog> RequestLines(CapturedLogs logs) =>
        logs.Entries.Where(e => e.Category == Category);

    private async Task<CapturedLogs> CallAsync(string path, Dictionary<string, string?> settings, string? correlationId = null)
    {
        var logs = new CapturedLogs();
        await using var db = await databases.FreshAsync(DatabaseProvider.Sqlite);
        var serving = StrataTestSettings.Merge(await databases.GrantedServingSettingsAsync(db), settings);
        await using (var api = await TestApi.StartAsync(serving,
            app => app.MapGet("/test/crash", string () => throw new InvalidOperationException("boom")),
            services => services.AddLogging(logging => logging.AddProvider(logs))))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (correlationId is not null)
            {
                request.Headers.Add(RequestLoggingMiddleware.Header, correlationId);
            }

            using var response = await api.Client.SendAsync(request);
            Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
        }

        return logs;
    }
}
