using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Strata.AspNetCore.Modules;
using Strata.Data.Modules;

namespace Strata.Api.OpenApi;

/// <summary>
/// The document's front matter: what the API is, who to ask, under which licence, the tags with the descriptions the
/// modules give them (alphabetical, as the reference lists them), the one <c>Problem</c> schema in place of the
/// framework's two problem types (and no schema for streams, which are bytes), and server addresses without a trailing slash (paths start with one).
/// </summary>
internal sealed class ApiDocumentTransformer(ModuleRegistry registry) : IOpenApiDocumentTransformer
{
    private const string OperationsTag = "Operations";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Strata API",
            Version = "v1",
            Description = """
                The HTTP API of Strata, a modular data layer: accounts and sessions, administration, workspaces and the
                parts catalog, each served by its module. Errors are RFC 9457 problems with a stable `code`
                (see `/problems` for every code). Lists are keyset paged: pass a page's `nextCursor` as `cursor`.
                Signed-in routes take `Authorization: Bearer <token>`, the token from sign-up or sign-in.
                """,
            Contact = new OpenApiContact { Name = "Strata team", Email = "strata@example.com", Url = new Uri("https://example.com/strata") },
            License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://example.com/strata/licence") },
        };

        // Sorted by name, not in the order a set happens to keep, so the committed document is stable; a tag two
        // modules share keeps the first module's description.
        var tags = registry.Modules.OfType<IEndpointModule>().SelectMany(module => module.Tags)
            .Append(new KeyValuePair<string, string>(OperationsTag, "Liveness and readiness of the process and its database, for load balancers and orchestrators."))
            .DistinctBy(tag => tag.Key, StringComparer.Ordinal);
        document.Tags = new SortedSet<OpenApiTag>(
            tags.Select(tag => new OpenApiTag { Name = tag.Key, Description = tag.Value }),
            Comparer<OpenApiTag>.Create((x, y) => string.CompareOrdinal(x.Name, y.Name)));

        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.Remove("ProblemDetails");
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        document.Components.Schemas.Remove(BinaryContentTransformer.StreamSchemaId);
        document.Components.Schemas[ProblemSchema.Id] = ProblemSchema.Create();
        return Task.CompletedTask;
    }
}
