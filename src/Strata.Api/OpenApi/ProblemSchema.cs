using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Strata.Api.OpenApi;

/// <summary>
/// The one problem-details schema (RFC 9457 plus Strata's members) every error response refers to, and its examples.
/// What <see cref="Errors.StrataProblemDetails"/> writes is what this declares: <c>code</c> and <c>traceId</c> always,
/// <c>errors</c> on validation problems, <c>field</c> on conflicts that know the field.
/// </summary>
internal static class ProblemSchema
{
    public const string Id = "Problem";

    public static OpenApiSchema Create() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem. Branch on `code`, never on `detail`; quote `traceId` when reporting a problem.",
        Required = new HashSet<string> { "type", "title", "status", "code", "traceId" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            // A URI reference, said in words: "format: uri-reference" is one more thing generators (Kiota) warn about and ignore.
            ["type"] = Text("The problem type: `/problems/<code>`, a page that explains the code — relative to the API's root, or absolute when the API is configured with its public address."),
            ["title"] = Text("A short, human-readable summary of the problem type."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
            // Kiota's generated exceptions take their Message from the member so marked.
            ["detail"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "What went wrong in this occurrence, for a person to read.",
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-ms-primary-error-message"] = new JsonNodeExtension(JsonValue.Create(true)) },
            },
            ["instance"] = Text("The occurrence, where one is named."),
            ["code"] = Text("The stable, machine-readable code, `<area>.<problem>` (docs/errors.md lists every code)."),
            ["traceId"] = Text("The W3C trace id of the request, as the server's logs record it."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Validation problems: the messages for each field, by its JSON name (`email`, `categories[0]`).",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["field"] = Text("Conflicts: the field whose value clashes with an existing one."),
        },
    };

    /// <summary>The name under which a problem response shows its example.</summary>
    public const string ExampleName = "problem";

    /// <summary>
    /// A reference to the example of a problem answered with <paramref name="status"/> (a status or a range such as
    /// <c>5XX</c>), added to the document's examples the first time (one copy per kind, not one per operation); null
    /// where the code depends on the route (404, 409, 410, a workspace's 403, …): an example there would show a code
    /// the route may never send.
    /// </summary>
    public static OpenApiExampleReference? ExampleReference(string status, bool permissionRequired, OpenApiDocument? document)
    {
        if (Example(status, permissionRequired) is not { } example)
        {
            return null;
        }

        var id = $"Problem{status}";
        if (document is not null)
        {
            document.Components ??= new OpenApiComponents();
            document.Components.Examples ??= new Dictionary<string, IOpenApiExample>();
            document.Components.Examples.TryAdd(id, new OpenApiExample { Summary = $"A {status} problem", Value = example });
        }

        return new OpenApiExampleReference(id, document);
    }

    // The codes every route with the status sends; a type is the relative reference the API answers without PublicBaseUrl.
    private static JsonObject? Example(string status, bool permissionRequired)
    {
        (string Code, int Status, string Title, string Detail)? known = status switch
        {
            "400" => ("request.invalid", 400, "Bad Request", "The request could not be read."),
            "401" => ("auth.unauthorized", 401, "Unauthorized", "Sign in first."),
            "403" when permissionRequired => ("auth.forbidden", 403, "Forbidden", "The caller lacks the permission this route needs."),
            "408" => ("request.timeout", 408, "Request Timeout", "The request body arrived too slowly."),
            "413" => ("request.too_large", 413, "Content Too Large", "The request body is too large."),
            "415" => ("request.unsupported_media_type", 415, "Unsupported Media Type", "Send the body as application/json."),
            "429" => ("auth.rate_limited", 429, "Too many requests.", "Too many attempts from this address; wait before trying again."),
            "5XX" => ("database.unavailable", 503, "The database is unavailable.", "Try again later."),
            _ => null,
        };
        return known is not { } problem ? null : new JsonObject
        {
            ["type"] = $"/problems/{problem.Code}",
            ["title"] = problem.Title,
            ["status"] = problem.Status,
            ["detail"] = problem.Detail,
            ["code"] = problem.Code,
            ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        };
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
