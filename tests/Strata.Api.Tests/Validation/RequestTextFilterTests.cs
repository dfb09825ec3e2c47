using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Strata.Data.Configuration;
using Strata.Testing;
using static Strata.Api.Tests.ProblemAssertions;

using static Strata.Api.Tests.Responses;

namespace Strata.Api.Tests.Validation;

/// <summary>
/// One rule for text on every route (<see cref="Strata.Data.Conventions.TextInput"/>): control characters, lone
/// surrogates and null list elements answer 400 naming the field, on both providers, and nothing is written.
/// </summary>
public sealed class RequestTextFilterTests(ApiTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task A_nul_in_a_search_term_answers_400_naming_the_field(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);

        var problem = await AssertProblemAsync(await api.SendAsync(HttpMethod.Get, "/catalog/manufacturers?search=a%00b"), HttpStatusCode.BadRequest, "request.invalid_text");

        Assert.True(problem.GetProperty("errors").TryGetProperty("search", out _));
    }

    [Theory, BothProviders]
    public async Task A_nul_in_a_sign_in_email_answers_400(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);

        var response = await api.Client.PostAsync(new Uri("/auth/sign-in", UriKind.Relative), Json("""{"email":"a\u0000b@example.com","password":"x"}"""));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid_text");
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _));
    }

    [Theory, BothProviders]
    public async Task A_lone_surrogate_in_workspace_metadata_answers_400_and_the_workspace_still_reads(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, token) = await api.SignUpAsync();
        var workspace = await api.CreateWorkspaceAsync(token);

        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/workspaces/{workspace}") { Content = Json("""{"metadata":{"note":"a\ud800b"}}""") };
        patch.Headers.Authorization = new("Bearer", token);
        var problem = await AssertProblemAsync(await api.Client.SendAsync(patch), HttpStatusCode.BadRequest, "request.invalid_text");

        Assert.True(problem.GetProperty("errors").TryGetProperty("metadata.note", out _));
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Get, $"/workspaces/{workspace}", token: token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Get, "/workspaces", token: token)).StatusCode);
    }

    [Theory, BothProviders]
    public async Task A_lone_surrogate_in_part_attributes_answers_400_and_the_public_part_still_reads(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var (part, manufacturer, category) = await PartAsync(api, admin);

        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/catalog/parts/{part}")
        {
            Content = Json($$"""{"manufacturerId":"{{manufacturer}}","partNumber":"BP-1","name":"Pad","categoryId":"{{category}}","attributes":{"\udfff":"x"} }"""),
        };
        patch.Headers.Authorization = new("Bearer", admin);
        await AssertProblemAsync(await api.Client.SendAsync(patch), HttpStatusCode.BadRequest, "request.invalid_text");

        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Get, $"/catalog/parts/{part}")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task A_null_category_in_a_variation_answers_400_naming_the_element(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var manufacturer = await IdOfAsync(await api.PostAsync("/catalog/manufacturers", new { name = "Nullmotors" }, admin));
        var model = await IdOfAsync(await api.PostAsync("/catalog/models", new { manufacturerId = manufacturer, name = "Void" }, admin));

        var response = await api.Client.SendAsync(Authorized(HttpMethod.Post, "/catalog/variations", $$"""{"modelId":"{{model}}","yearFrom":2001,"categories":[null]}""", admin));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.null_element");
        Assert.True(problem.GetProperty("errors").TryGetProperty("categories[0]", out _));
        var variations = await (await api.SendAsync(HttpMethod.Get, $"/catalog/models/{model}/variations")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, variations.GetProperty("items").GetArrayLength());
    }

    [Theory, BothProviders]
    public async Task Tabs_and_line_breaks_are_text_like_any_other(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, token) = await api.SignUpAsync();

        var response = await api.Client.SendAsync(Authorized(HttpMethod.Post, "/workspaces", """{"name":"Two\tcolumns\r\nand lines"}""", token));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<(Guid Part, Guid Manufacturer, Guid Category)> PartAsync(ApiHarness api, string admin)
    {
        var manufacturer = await IdOfAsync(await api.PostAsync("/catalog/manufacturers", new { name = "Surrogate Parts" }, admin));
        var category = await IdOfAsync(await api.PostAsync("/catalog/categories", new { name = "Pads" }, admin));
        var part = await IdOfAsync(await api.PostAsync("/catalog/parts", new { manufacturerId = manufacturer, partNumber = "BP-1", name = "Pad", categoryId = category }, admin));
        return (part, manufacturer, category);
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string json, string token)
    {
        var request = new HttpRequestMessage(method, path) { Content = Json(json) };
        request.Headers.Authorization = new("Bearer", token);
        return request;
    }

    // Raw JSON text: the escapes reach the server as written (a serializer would refuse to write a lone surrogate).
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

}
