using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Strata.Data.Configuration;
using Strata.Testing;
using static Strata.Api.Tests.ProblemAssertions;

namespace Strata.Api.Tests.Hosting;

/// <summary>Client addresses behind a reverse proxy: believed from trusted proxies only (hosting behaviour; SQLite).</summary>
public sealed class ForwardedHeadersTests(ApiTestDatabases databases)
{
    [Fact]
    public async Task Behind_a_trusted_proxy_each_client_address_has_its_own_rate_limit()
    {
        await using var api = await ApiHarness.StartAsync(databases, DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Strata:Api:AuthPermitLimit"] = "1",
            ["Strata:Api:TrustedProxies:0"] = "127.0.0.1",
        });

        var first = await SignInFromAsync(api, "203.0.113.1");
        var other = await SignInFromAsync(api, "203.0.113.2");
        var again = await SignInFromAsync(api, "203.0.113.1");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (first.StatusCode, other.StatusCode));
        await AssertProblemAsync(again, HttpStatusCode.TooManyRequests, "auth.rate_limited");
    }

    [Fact]
    public async Task Without_trusted_proxies_forwarded_addresses_are_ignored()
    {
        await using var api = await ApiHarness.StartAsync(databases, DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Strata:Api:AuthPermitLimit"] = "1" });

        await SignInFromAsync(api, "203.0.113.1");
        var spoofed = await SignInFromAsync(api, "203.0.113.2");

        await AssertProblemAsync(spoofed, HttpStatusCode.TooManyRequests, "auth.rate_limited");
    }

    [Fact]
    public async Task Sessions_record_the_forwarded_client_address()
    {
        await using var api = await ApiHarness.StartAsync(databases, DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Strata:Api:TrustedProxies:0"] = "127.0.0.0/8" });
        var (_, email, _) = await api.SignUpAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/sign-in") { Content = JsonContent.Create(new { email, password = TestUsers.Password }) };
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");
        var token = (await (await api.Client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("session").GetProperty("token").GetString();

        var sessions = await (await api.SendAsync(HttpMethod.Get, "/auth/sessions", token: token)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Contains("198.51.100.7", sessions.EnumerateArray().Select(s => s.GetProperty("ip").GetString()));
    }

    private static async Task<HttpResponseMessage> SignInFromAsync(ApiHarness api, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/sign-in") { Content = JsonContent.Create(new { email = TestUsers.NewEmail(), password = "whatever it is" }) };
        request.Headers.Add("X-Forwarded-For", address);
        return await api.Client.SendAsync(request);
    }
}
