using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Strata.AspNetCore.Routing;

namespace Strata.Api.OpenApi;

/// <summary>
/// Declares every problem an operation can answer, by construction, so a new route cannot forget one: 400 where it
/// binds anything that can be wrong (a body, a query or a non-GUID path value), 401 where it needs a session, 403 where
/// it needs a permission (named in the description), 404 where a path names a resource, 408/413/415 where it reads a
/// body, 429 where it is rate limited, and 5XX everywhere. Routes add their domain statuses (409, 410, …) with
/// <c>ProducesProblem</c>. Every problem response — declared here or by the route — is the one <c>Problem</c> schema
/// with an example.
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var parameters = operation.Parameters ?? [];
        var hasBody = operation.RequestBody is not null;
        var statuses = new SortedSet<string>(StringComparer.Ordinal);
        if (hasBody || parameters.Any(p => p.In != ParameterLocation.Path || p.Schema?.Format != "uuid"))
        {
            statuses.Add("400");
        }

        if (RequiresAuthorization(metadata))
        {
            statuses.Add("401");
        }

        var permissions = metadata.OfType<RequiredPermissionMetadata>().Select(p => p.Permission).Distinct(StringComparer.Ordinal).ToList();
        var permission = permissions.Count == 0 ? null : string.Join("` and `", permissions);
        if (permission is not null)
        {
            statuses.Add("403");
            operation.Description = $"{operation.Description}\n\nNeeds the permission `{permission}`.".TrimStart();
        }

        var namesResource = parameters.Any(p => p.In == ParameterLocation.Path);
        if (namesResource)
        {
            statuses.Add("404");
        }

        if (hasBody)
        {
            statuses.UnionWith(["408", "413", "415"]);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            statuses.Add("429");
        }

        statuses.Add("5XX");

        operation.Responses ??= [];
        foreach (var status in statuses)
        {
            operation.Responses.TryAdd(status, new OpenApiResponse());
        }

        // In status order, as a reader scans them; problems take the one Problem schema.
        var responses = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (status, response) in responses)
        {
            operation.Responses[status] = status[0] is '4' or '5'
                ? ProblemResponse(status, response, permission, namesResource, context.Document, context.Description.RelativePath)
                : response;
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A route that needs a session or a policy, unless it lets anonymous callers in; the same rule as
    /// <see cref="BearerRequirementTransformer"/>'s.
    /// </summary>
    public static bool RequiresAuthorization(IList<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();

    private static OpenApiResponse ProblemResponse(
        string status, IOpenApiResponse declared, string? permission, bool namesResource, OpenApiDocument? document, string? route)
    {
        // A route that declares a 4xx or 5xx body of its own type would lose it here; that is a mistake to see, not to hide.
        if (declared.Content?.Keys.Any(type => type != "application/problem+json") == true)
        {
            throw new InvalidOperationException($"'{route}' declares a {status} answer that is not a problem ({string.Join(", ", declared.Content.Keys)}).");
        }

        var problem = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema.Id, document) };
        if (ProblemSchema.ExampleReference(status, permission is not null, document) is { } example)
        {
            problem.Examples = new Dictionary<string, IOpenApiExample> { [ProblemSchema.ExampleName] = example };
        }

        var response = new OpenApiResponse
        {
            Description = Describe(status, permission, namesResource),
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = problem },
        };
        if (status == "429")
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before trying again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                },
            };
        }

        // A route's own description of a status it declared wins over the generic one, which would only name the status.
        if (declared.Description is { Length: > 0 } own && !IsReasonPhrase(status, own))
        {
            response.Description = own;
        }

        return response;
    }

    private static bool IsReasonPhrase(string status, string description) =>
        int.TryParse(status, out var code) && string.Equals(description, ReasonPhrases.GetReasonPhrase(code), StringComparison.Ordinal);

    private static string Describe(string status, string? permission, bool namesResource) => status switch
    {
        "400" => "The request breaks a rule: `errors` names each field (`request.validation`, `request.invalid_text`, `request.null_element`, `paging.invalid_size`, …), or it is malformed (`request.invalid`).",
        "401" => "Not authenticated: no valid session (`auth.unauthorized`), or wrong credentials where the route takes them.",
        "403" => permission is null
            ? "Signed in, but not allowed to do this (`auth.forbidden`, or the module's own code)."
            : $"Signed in, but without the permission `{permission}` (`auth.forbidden`); the refusal is audited.",
        "404" => namesResource
            ? "An id in the path, or in the body, names nothing the caller can see (`<area>.<thing>_not_found`)."
            : "An id in the body names nothing the caller can see (`<area>.<thing>_not_found`).",
        "408" => "The body arrived too slowly (`request.timeout`).",
        "409" => "Conflicts with the current state; `field` names the clashing field where there is one.",
        "410" => "The code, token or ceremony has expired or was already used.",
        "413" => "The body is larger than the route accepts (`request.too_large`, or the route's own limit).",
        "415" => "The body's content type is not one the route accepts (`request.unsupported_media_type`).",
        "429" => "Too many attempts from this address (`auth.rate_limited`); `Retry-After` says when to try again.",
        "503" => "Not available right now; the detail says why.",
        "5XX" => "The server failed (500 `server.error`) or the database is unavailable (503 `database.unavailable`); safe to retry later.",
        _ => "The request was refused; `code` says why.",
    };
}
