using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Strata.Api.Tests.OpenApi;
using Strata.Modules.Auth.Schema;
using Strata.Testing;

namespace Strata.Api.Tests;

/// <summary>
/// The real Program.cs, served by Kestrel: its routes, its OpenAPI document and its reference page; every answer is
/// checked against that document (<see cref="OpenApiResponseValidator"/>).
/// </summary>
public sealed class ProgramTests : IClassFixture<ProgramTests.ProgramFactory>
{
    private readonly ProgramFactory _factory;
    private readonly HttpClient _client;

    public ProgramTests(ProgramFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _factory = factory;
        _client = factory.CreateDefaultClient(new OpenApiResponseValidator(cancellationToken => OpenApiResponseValidator.DocumentOfAsync(factory.Services, cancellationToken)));
    }

    [Fact]
    public async Task Live_health_answers_200()
    {
        var response = await _client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_mapped_route()
    {
        var document = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;
        var documented = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        var mapped = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            // OpenAPI paths drop route constraints: {id:guid} is documented as {id}.
            // and a group's own route ("/workspaces" + "") as "/workspaces".
            .Select(e => "/" + System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.Trim('/'), @"\{(\w+):[^}]+\}", "{$1}"))
            .ToHashSet();

        Assert.NotEmpty(mapped);
        Assert.Empty(mapped.Except(documented));
        Assert.Equal("3.1.1", document.GetProperty("openapi").GetString());
    }

    [Fact]
    public async Task The_openapi_document_declares_the_bearer_scheme()
    {
        var document = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Routes_that_need_a_session_carry_the_bearer_requirement()
    {
        var paths = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement.GetProperty("paths");

        Assert.True(paths.GetProperty("/auth/session").GetProperty("get").TryGetProperty("security", out var security));
        Assert.True(security[0].TryGetProperty("Bearer", out _));
        Assert.False(paths.GetProperty("/auth/sign-in").GetProperty("post").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task The_openapi_document_types_integers_as_integers_only()
    {
        var document = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;

        // With the web defaults' number handling every integer was ["integer", "string"] with a digits pattern, so
        // generated clients saw number | string.
        var schemas = SchemasIn(document).ToList();
        Assert.Contains(schemas, s => s.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "integer");
        Assert.DoesNotContain(schemas, s => s.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array
            && type.EnumerateArray().Any(t => t.GetString() == "integer") && type.EnumerateArray().Any(t => t.GetString() == "string"));
    }

    [Fact]
    public async Task Query_parameters_are_documented_in_camel_case()
    {
        var paths = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement.GetProperty("paths");

        var names = paths.EnumerateObject().SelectMany(path => path.Value.EnumerateObject())
            .Where(operation => operation.Value.TryGetProperty("parameters", out _))
            .SelectMany(operation => operation.Value.GetProperty("parameters").EnumerateArray())
            .Where(parameter => parameter.GetProperty("in").GetString() == "query")
            .Select(parameter => parameter.GetProperty("name").GetString()!)
            .ToList();
        Assert.Contains("limit", names);
        Assert.Contains("actorId", names);
        Assert.All(names, name => Assert.True(char.IsLower(name[0]), $"query parameter {name} is not camelCase"));
    }

    private static IEnumerable<JsonElement> SchemasIn(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out _))
            {
                yield return element;
            }

            foreach (var nested in element.EnumerateObject().SelectMany(property => SchemasIn(property.Value)))
            {
                yield return nested;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var nested in element.EnumerateArray().SelectMany(SchemasIn))
            {
                yield return nested;
            }
        }
    }

    [Fact]
    public async Task Ready_documents_its_503_problem()
    {
        var document = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;

        var responses = document.GetProperty("paths").GetProperty("/health/ready").GetProperty("get").GetProperty("responses");
        Assert.True(responses.TryGetProperty("503", out var unavailable));
        Assert.True(unavailable.GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Fact]
    public async Task The_docs_page_serves_html()
    {
        var response = await _client.GetAsync(new Uri("/docs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_program_under_test_hashes_passwords_at_the_cheap_test_cost()
    {
        var hasher = _factory.Services.GetRequiredService<IPasswordHasher<User>>();

        Assert.Equal(StrataTestSettings.PasswordIterations, TestUsers.PasswordIterations(hasher.HashPassword(new User { SecurityStamp = string.Empty }, TestUsers.Password)));
    }

    public sealed class ProgramFactory : WebApplicationFactory<Program>
    {
        private readonly string _database = Path.Combine(Path.GetTempPath(), $"strata-api-{Guid.NewGuid():N}.db");

        public ProgramFactory()
        {
            UseKestrel(0);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Strata", $"Data Source={_database}");
            foreach (var (key, value) in StrataTestSettings.Defaults)
            {
                builder.UseSetting(key, value);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            File.Delete(_database);
        }
    }
}
