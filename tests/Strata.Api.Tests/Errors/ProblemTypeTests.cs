using System.Net;
using System.Text.Json;
using Strata.Data.Configuration;
using Strata.Testing;

namespace Strata.Api.Tests.Errors;

/// <summary>A problem's <c>type</c> is the page of its code: absolute under the configured public address, never the Host header's.</summary>
public sealed class ProblemTypeTests(ApiTestDatabases databases) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private TestApi _api = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await databases.FreshAsync(DatabaseProvider.Sqlite);
        var settings = await databases.GrantedServingSettingsAsync(_db);
        settings["Strata:Api:PublicBaseUrl"] = "https://api.example.com/strata/";
        _api = await TestApi.StartAsync(settings);
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task With_a_public_base_url_a_problem_type_is_absolute_under_it()
    {
        using var response = await _api.Client.GetAsync(new Uri("/auth/session", UriKind.Relative));

        Assert.Equal("https://api.example.com/strata/problems/auth.unauthorized", await TypeOfAsync(response));
    }

    [Fact]
    public async Task A_spoofed_host_header_does_not_change_the_problem_type()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/auth/session", UriKind.Relative));
        request.Headers.Host = "evil.example";

        using var response = await _api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("https://api.example.com/strata/problems/auth.unauthorized", await TypeOfAsync(response));
    }

    private static async Task<string?> TypeOfAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString();
}
