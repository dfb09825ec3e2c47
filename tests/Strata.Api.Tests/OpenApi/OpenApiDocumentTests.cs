using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Strata.Api.Tests.Documentation;
using Strata.AspNetCore.Routing;

namespace Strata.Api.Tests.OpenApi;

/// <summary>
/// The OpenAPI document of the reference app (Program.cs): committed as docs/openapi.json, which CI lints with Spectral
/// and generates the TypeScript and C# clients from, and built so that a new route declares its problems by construction.
/// </summary>
public sealed class OpenApiDocumentTests(ProgramTests.ProgramFactory factory) : IClassFixture<ProgramTests.ProgramFactory>
{
    /// <summary>Where the committed document lives, relative to the repository root.</summary>
    public const string CommittedPath = "docs/openapi.json";

    /// <summary>Set to 1 to rewrite the committed document from the API instead of failing on a difference.</summary>
    private const string UpdateVariable = "STRATA_UPDATE_OPENAPI";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HttpClient _client = factory.CreateDefaultClient(
        new OpenApiResponseValidator(cancellationToken => OpenApiResponseValidator.DocumentOfAsync(factory.Services, cancellationToken)));

    [Fact]
    public async Task The_committed_document_is_the_one_the_api_serves()
    {
        var served = (await DocumentAsync()).ToJsonString(Indented) + "\n";
        var path = Path.Combine(RepositoryFiles.Root, CommittedPath);
        var committed = File.Exists(path) ? await File.ReadAllTextAsync(path) : null;
        if (committed != served && Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, served);
            committed = served;
        }

        Assert.True(committed == served,
            $"{CommittedPath} is not the document the API serves; rewrite it with: {UpdateVariable}=1 dotnet test tests/Strata.Api.Tests --filter {nameof(The_committed_document_is_the_one_the_api_serves)}");
    }

    [Fact]
    public async Task Every_problem_response_is_the_one_problem_schema()
    {
        var responses = Operations(await DocumentAsync())
            .SelectMany(op => op.Operation["responses"]!.AsObject().Select(r => (op.Name, Status: r.Key, Response: r.Value!)))
            .Where(r => r.Status[0] is '4' or '5')
            .ToList();

        Assert.NotEmpty(responses);
        Assert.All(responses, r => Assert.Equal(
            "#/components/schemas/Problem",
            r.Response["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Every_operation_declares_server_failures()
    {
        Assert.All(Operations(await DocumentAsync()), op => Assert.True(op.Operation["responses"]!.AsObject().ContainsKey("5XX"), op.Name));
    }

    [Fact]
    public async Task Every_route_that_needs_a_permission_declares_401_and_403()
    {
        var document = await DocumentAsync();
        var byName = Operations(document).ToDictionary(op => op.Name, op => op.Operation);
        var guarded = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<RequiredPermissionMetadata>() is not null)
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName)
            .ToList();

        Assert.NotEmpty(guarded);
        Assert.All(guarded, name =>
        {
            var responses = byName[name]["responses"]!.AsObject();
            Assert.True(responses.ContainsKey("401") && responses.ContainsKey("403"), name);
        });
    }

    [Fact]
    public async Task Every_route_that_requires_a_session_declares_401()
    {
        var secured = Operations(await DocumentAsync()).Where(op => op.Operation["security"] is not null).ToList();

        Assert.NotEmpty(secured);
        Assert.All(secured, op => Assert.True(op.Operation["responses"]!.AsObject().ContainsKey("401"), op.Name));
    }

    [Fact]
    public async Task Every_limit_parameter_states_the_page_size_range_and_default()
    {
        var limits = Operations(await DocumentAsync())
            .SelectMany(op => op.Operation["parameters"]?.AsArray() ?? [])
            .Where(p => p!["name"]!.GetValue<string>() == "limit")
            .Select(p => p!["schema"]!)
            .ToList();

        Assert.NotEmpty(limits);
        Assert.All(limits, schema => Assert.Equal(
            (1m, (decimal)Strata.Data.Repositories.PageRequest.MaxPageSize, Strata.Data.Repositories.KeysetRequest.DefaultLimit),
            (schema["minimum"]!.GetValue<decimal>(), schema["maximum"]!.GetValue<decimal>(), schema["default"]!.GetValue<int>())));
    }

    [Fact]
    public async Task Every_json_request_body_has_an_example()
    {
        var bodies = Operations(await DocumentAsync())
            .Where(op => op.Operation["requestBody"]?["content"]?["application/json"] is not null)
            .ToList();

        Assert.NotEmpty(bodies);
        Assert.All(bodies, op => Assert.True(op.Operation["requestBody"]!["content"]!["application/json"]!["example"] is not null, op.Name));
    }

    [Fact]
    public async Task A_problem_type_is_a_page_that_explains_its_code()
    {
        using var response = await _client.GetAsync(new Uri("/auth/session", UriKind.Relative));
        var type = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"]!.GetValue<string>();

        using var page = await _client.GetAsync(new Uri(type, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("/problems/auth.unauthorized", type);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<code>auth.unauthorized</code>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_problem_index_links_every_code_from_the_api_root()
    {
        var page = await _client.GetStringAsync(new Uri("/problems/", UriKind.Relative));
        var codes = Strata.Api.Errors.ProblemCatalog.Load().Codes.Keys.ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Contains($"<tr id=\"{code}\"><td><a href=\"/problems/{code}\">", page, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_problem_type_answers_404()
    {
        using var response = await _client.GetAsync(new Uri("/problems/nothing.like_this", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The document as a client on the README's address (<c>dotnet run</c> listens on localhost:5080) sees it.</summary>
    private async Task<JsonNode> DocumentAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/openapi/v1.json", UriKind.Relative));
        request.Headers.Host = "localhost:5080";
        using var response = await _client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static IEnumerable<(string Name, JsonObject Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(method => method.Value!.AsObject()))
            .Select(operation => (operation["operationId"]!.GetValue<string>(), operation));
}
