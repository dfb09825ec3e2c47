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

    /// <summary>Where the examples pretend to be served from: the address <c>dotnet run --project src/Strata.Api</c> listens on.</summary>
    private const string ExampleOrigin = "http://localhost:5080";

    public static OpenApiSchema Create() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem. Branch on `code`, never on `detail`; quote `traceId` when reporting a problem.",
        Required = new HashSet<string> { "type", "title", "status", "code", "traceId" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            // An absolute URI, said in words: "format: uri" is one more thing generators (Kiota) warn about and ignore.
            ["type"] = Text("The problem type, an absolute URI: `/problems/<code>` on this API, a page that explains the code."),
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
    /// <c>5XX</c>) in the section <paramref name="tag"/>, added to the document's examples the first time (one copy per
    /// kind, not one per operation).
    /// </summary>
    public static OpenApiExampleReference ExampleReference(string status, string? tag, OpenApiDocument? document)
    {
        var id = status == "404" && tag is not null ? $"Problem{status}{tag}" : $"Problem{status}";
        if (document is not null)
        {
            document.Components ??= new OpenApiComponents();
            document.Components.Examples ??= new Dictionary<string, IOpenApiExample>();
            document.Components.Examples.TryAdd(id, new OpenApiExample { Summary = $"A {status} problem", Value = Example(status, tag) });
        }

        return new OpenApiExampleReference(id, document);
    }

    private static JsonObject Example(string status, string? tag)
    {
        var (code, number, title, detail) = status switch
        {
            "400" => ("request.validation", 400, "One or more validation errors occurred.", "The request breaks the route's rules."),
            "401" => ("auth.unauthorized", 401, "Unauthorized", "Sign in first."),
            "403" => ("auth.forbidden", 403, "Forbidden", "The caller may not do this."),
            "404" => (NotFoundCode(tag), 404, "Not Found", "Nothing has this id."),
            "408" => ("request.timeout", 408, "Request Timeout", "The request body arrived too slowly."),
            "409" => ("database.unique_violation", 409, "Conflict", "Another row already has this value."),
            "410" => ("auth.token_expired", 410, "Gone", "The code has expired."),
            "413" => ("request.too_large", 413, "Content Too Large", "The request body is too large."),
            "415" => ("request.unsupported_media_type", 415, "Unsupported Media Type", "Send the body as application/json."),
            "429" => ("auth.rate_limited", 429, "Too many requests.", "Too many attempts from this address; wait before trying again."),
            "503" => ("server.unavailable", 503, "Service Unavailable", "Not ready."),
            _ => ("database.unavailable", 503, "The database is unavailable.", "Try again later."),
        };
        var example = new JsonObject
        {
            ["type"] = $"{ExampleOrigin}/problems/{code}",
            ["title"] = title,
            ["status"] = number,
            ["detail"] = detail,
            ["code"] = code,
            ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        };
        if (number == 400)
        {
            example["errors"] = new JsonObject { ["email"] = new JsonArray("Enter an email address.") };
        }

        if (number == 409)
        {
            example["field"] = "slug";
        }

        return example;
    }

    // A real code of the section, so the example reads like an answer of that section.
    private static string NotFoundCode(string? tag) => tag switch
    {
        "Admin" => "auth.role_not_found",
        "Auth" => "auth.session_not_found",
        "Catalog" => "part.not_found",
        "Workspaces" => "workspaces.not_found",
        _ => "request.not_found",
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
