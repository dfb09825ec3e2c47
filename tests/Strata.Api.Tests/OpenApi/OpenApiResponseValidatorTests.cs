using System.Net;
using System.Text;

namespace Strata.Api.Tests.OpenApi;

/// <summary>The answer check every API test's client runs, over a small hand-written document and canned answers.</summary>
public sealed class OpenApiResponseValidatorTests
{
    private const string Document = """
        {
          "openapi": "3.1.1",
          "info": { "title": "Things", "version": "1" },
          "paths": {
            "/things/{id}": {
              "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } }],
              "get": {
                "operationId": "GetThing",
                "responses": {
                  "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } },
                  "404": { "description": "Not Found", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } }
                }
              },
              "delete": { "operationId": "DeleteThing", "responses": { "204": { "description": "No Content" } } }
            },
            "/things/mine": {
              "get": { "operationId": "MyThings", "responses": { "200": { "description": "OK", "content": { "text/plain": {} } } } }
            },
            "/pages/{number}": {
              "get": {
                "operationId": "GetPage",
                "parameters": [{ "name": "number", "in": "path", "required": true, "schema": { "type": "integer" } }],
                "responses": { "4XX": { "description": "Refused" }, "default": { "description": "Anything", "content": { "text/*": {} } } }
              }
            }
          },
          "components": {
            "schemas": {
              "Thing": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {
                  "id": { "type": "string", "format": "uuid" },
                  "name": { "type": "string" },
                  "count": { "type": ["null", "integer"] },
                  "owner": { "oneOf": [{ "type": "null" }, { "$ref": "#/components/schemas/Owner" }] }
                }
              },
              "Owner": { "type": "object", "required": ["email"], "properties": { "email": { "type": "string" } } },
              "Problem": { "type": "object", "properties": { "status": { "type": "integer" } } }
            }
          }
        }
        """;

    private static readonly string Thing = $"/things/{Guid.NewGuid()}";

    [Fact]
    public async Task An_answer_the_document_allows_passes_and_can_still_be_read_with_its_headers()
    {
        using var client = ClientAnswering(HttpStatusCode.OK, "application/json", """{"id":"8c4a6a2e-54a8-4f6c-9c1c-2f3d3a1b9e10","name":"Sprocket","count":null,"owner":{"email":"a@b.c"}}""");

        using var response = await client.GetAsync(new Uri(Thing, UriKind.Relative));

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["kept"], response.Content.Headers.GetValues("Content-Language"));
        Assert.Contains("Sprocket", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_the_operation_does_not_declare_fails_naming_the_declared_ones()
    {
        using var client = ClientAnswering(HttpStatusCode.InternalServerError, "application/problem+json", """{"status":500}""");

        var error = await Assert.ThrowsAsync<OpenApiContractException>(() => client.GetAsync(new Uri(Thing, UriKind.Relative)));

        Assert.StartsWith($"GET {Thing} answered 500 application/problem+json", error.Message, StringComparison.Ordinal);
        Assert.Contains("GetThing (GET /things/{id})", error.Message, StringComparison.Ordinal);
        Assert.Contains("status 500 is not declared", error.Message, StringComparison.Ordinal);
        Assert.Contains("Declared: 200 application/json, 404 application/problem+json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_without_a_required_property_fails()
    {
        using var client = ClientAnswering(HttpStatusCode.OK, "application/json", """{"id":"8c4a6a2e-54a8-4f6c-9c1c-2f3d3a1b9e10","owner":null}""");

        var error = await Assert.ThrowsAsync<OpenApiContractException>(() => client.GetAsync(new Uri(Thing, UriKind.Relative)));

        Assert.Contains("(body): Required properties [\"name\"] are not present (schema #/components/schemas/Thing/required)", error.Message, StringComparison.Ordinal);
        // The branch of the nullable owner that a null does not meet is no error: the other branch took it.
        Assert.DoesNotContain("/owner", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_the_schema_does_not_declare_fails_even_inside_a_nested_reference()
    {
        using var client = ClientAnswering(HttpStatusCode.OK, "application/json",
            """{"id":"8c4a6a2e-54a8-4f6c-9c1c-2f3d3a1b9e10","name":"x","token":"secret","owner":{"email":"a@example.com","passwordHash":"x"}}""");

        var error = await Assert.ThrowsAsync<OpenApiContractException>(() => client.GetAsync(new Uri(Thing, UriKind.Relative)));

        Assert.Contains("/token", error.Message, StringComparison.Ordinal);
        Assert.Contains("/owner/passwordHash", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_property_of_the_wrong_type_fails_at_its_pointer_even_through_a_nested_reference()
    {
        using var client = ClientAnswering(HttpStatusCode.OK, "application/json", """{"id":"8c4a6a2e-54a8-4f6c-9c1c-2f3d3a1b9e10","name":"x","count":"3","owner":{"email":7}}""");

        var error = await Assert.ThrowsAsync<OpenApiContractException>(() => client.GetAsync(new Uri(Thing, UriKind.Relative)));

        Assert.Contains("/count: Value is \"string\" but should be \"integer, null\" (schema #/components/schemas/Thing/properties/count/type)", error.Message, StringComparison.Ordinal);
        Assert.Contains("/owner/email: Value is \"integer\" but should be \"string\" (schema #/components/schemas/Owner/properties/email/type)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_problem_is_checked_against_the_schema_of_its_media_type()
    {
        using var client = ClientAnswering(HttpStatusCode.NotFound, "application/problem+json", """{"status":"404"}""");

        var error = await Assert.ThrowsAsync<OpenApiContractException>(() => client.GetAsync(new Uri(Thing, UriKind.Relative)));

        Assert.Contains("/status: Value is \"string\" but should be \"integer\" (schema #/components/schemas/Problem/properties/status/type)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_breaks_its_format_fails()
    {
        using var client = ClientAnswering(HttpStatusCode.OK, "application/json", """{"id":"not-a-guid","name":"x"}""");

        var error = await Assert.ThrowsAsync<OpenApiContractException>(() => client.GetAsync(new Uri(Thing, UriKind.Relative)));

        Assert.Contains("/id: Value does not match format \"uuid\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_content_type_the_status_does_not_declare_fails()
    {
        using var client = ClientAnswering(HttpStatusCode.NotFound, "text/html", "<h1>Not found</h1>");

        var error = await Assert.ThrowsAsync<OpenApiContractException>(() => client.GetAsync(new Uri(Thing, UriKind.Relative)));

        Assert.Contains("content type text/html is not declared for 404 (declared: application/problem+json)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Body (18 bytes): <h1>Not found</h1>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_where_none_is_declared_and_none_where_one_is_both_fail()
    {
        using var withBody = ClientAnswering(HttpStatusCode.NoContent, "application/json", "{}");
        using var withoutBody = ClientAnswering(HttpStatusCode.OK, null, null);

        var body = await Assert.ThrowsAsync<OpenApiContractException>(() => withBody.DeleteAsync(new Uri(Thing, UriKind.Relative)));
        var none = await Assert.ThrowsAsync<OpenApiContractException>(() => withoutBody.GetAsync(new Uri(Thing, UriKind.Relative)));

        Assert.Contains("204 declares no body, but the answer has application/json (2 bytes)", body.Message, StringComparison.Ordinal);
        Assert.Contains("200 declares application/json, but the answer has no body", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_literal_segment_wins_over_a_parameter()
    {
        using var client = ClientAnswering(HttpStatusCode.OK, "text/plain", "mine");

        using var response = await client.GetAsync(new Uri("/Things/Mine", UriKind.Relative));

        Assert.Equal("mine", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ranges_and_default_cover_statuses_and_media_types()
    {
        using var refused = ClientAnswering(HttpStatusCode.Conflict, null, null);
        using var other = ClientAnswering(HttpStatusCode.OK, "text/csv", "a,b");

        using var conflict = await refused.GetAsync(new Uri("/pages/7", UriKind.Relative));
        using var page = await other.GetAsync(new Uri("/pages/7", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("a,b", await page.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("GET", "/things/not-a-guid")]
    [InlineData("GET", "/pages/seven")]
    [InlineData("PUT", "/things/8c4a6a2e-54a8-4f6c-9c1c-2f3d3a1b9e10")]
    [InlineData("GET", "/metrics")]
    [InlineData("GET", "/things")]
    public async Task A_request_that_reaches_no_operation_is_not_checked(string method, string path)
    {
        using var client = ClientAnswering(HttpStatusCode.NotFound, "text/plain", "no operation");

        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await client.SendAsync(request);

        Assert.Equal("no operation", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_marked_as_answered_before_routing_is_not_checked()
    {
        using var client = ClientAnswering(HttpStatusCode.RequestHeaderFieldsTooLarge, null, null);
        using var request = new HttpRequestMessage(HttpMethod.Get, Thing);
        request.Options.Set(OpenApiResponseValidator.AnsweredBeforeRouting, "Kestrel refuses the headers");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    // A client whose every request gets the same answer, checked against Document.
    private static HttpClient ClientAnswering(HttpStatusCode status, string? mediaType, string? body)
    {
        var validator = new OpenApiResponseValidator(_ => Task.FromResult(Document))
        {
            InnerHandler = new Answering(() =>
            {
                var content = body is null ? new ByteArrayContent([]) : new StringContent(body, Encoding.UTF8, mediaType!);
                content.Headers.ContentLanguage.Add("kept");
                return new HttpResponseMessage(status) { Content = content };
            }),
        };
        return new HttpClient(validator) { BaseAddress = new Uri("http://things.test") };
    }

    private sealed class Answering(Func<HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer());
    }
}
