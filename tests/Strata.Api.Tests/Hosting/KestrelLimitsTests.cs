using System.Net;
using Strata.Api.Tests.OpenApi;
using Strata.Data.Configuration;
using Strata.Testing;

namespace Strata.Api.Tests.Hosting;

/// <summary>
/// The limits Kestrel enforces before any middleware, as docs/reliability.md states them: these answers carry no
/// problem body, so their thresholds are set on purpose and pinned here.
/// </summary>
public sealed class KestrelLimitsTests(ApiTestDatabases databases) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private TestApi _api = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await databases.FreshAsync(DatabaseProvider.Sqlite);
        _api = await TestApi.StartAsync(await databases.GrantedServingSettingsAsync(_db));
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task A_request_line_over_8_KiB_answers_414()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/catalog/manufacturers?search={new string('a', 8 * 1024)}");
        request.Options.Set(OpenApiResponseValidator.AnsweredBeforeRouting, "Kestrel refuses a request line over its limit");

        var response = await _api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Fact]
    public async Task A_request_line_under_the_limit_reaches_the_route()
    {
        var response = await _api.Client.GetAsync(new Uri($"/catalog/manufacturers?search={new string('a', 7 * 1024)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Headers_over_32_KiB_answer_431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Padding", new string('h', 33 * 1024));
        request.Options.Set(OpenApiResponseValidator.AnsweredBeforeRouting, "Kestrel refuses headers over their limit");

        var response = await _api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task More_than_100_headers_answer_431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        for (var i = 0; i < 101; i++)
        {
            request.Headers.Add($"X-Header-{i}", "x");
        }

        request.Options.Set(OpenApiResponseValidator.AnsweredBeforeRouting, "Kestrel refuses more headers than its limit");

        var response = await _api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }
}
