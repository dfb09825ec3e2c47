using System.Net.Http.Json;
using System.Text.Json;
using Strata.Data.Configuration;
using Strata.Testing;

namespace Strata.Api.Tests;

/// <summary>Every test API hashes passwords cheaply without being told; only a test's own setting raises the cost.</summary>
public sealed class FixturePasswordCostTests(ApiTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task A_harness_api_hashes_passwords_at_the_cheap_test_cost(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);

        var (user, _, _) = await api.SignUpAsync();

        Assert.Equal(StrataTestSettings.PasswordIterations, await api.Database.PasswordIterationsAsync(user));
    }

    [Theory, BothProviders]
    public async Task A_test_api_on_bare_serving_settings_hashes_passwords_at_the_cheap_test_cost(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await using var api = await TestApi.StartAsync(await databases.GrantedServingSettingsAsync(db));

        var response = await api.Client.PostAsJsonAsync(
            new Uri("/auth/sign-up", UriKind.Relative), new { email = TestUsers.NewEmail(), password = TestUsers.Password, name = "User" });

        response.EnsureSuccessStatusCode();
        var user = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetGuid();
        Assert.Equal(StrataTestSettings.PasswordIterations, await db.PasswordIterationsAsync(user));
    }
}
