using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Strata.Api.OpenApi;

/// <summary>
/// Declares raw bytes the OpenAPI 3.1 way: a media type without a schema. The generator writes a
/// <see cref="Stream"/> as <c>{type: string, format: binary}</c>, which clients generate as a string — a TypeScript
/// client could then send neither a <c>Blob</c> nor a <c>Uint8Array</c> without a cast.
/// </summary>
internal sealed class BinaryContentTransformer : IOpenApiOperationTransformer
{
    /// <summary>The component name the generator gives <see cref="Stream"/>; no schema refers to it once bytes are bytes.</summary>
    public const string StreamSchemaId = "Stream";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var contents = (operation.Responses?.Values.Select(response => response.Content) ?? [])
            .Prepend(operation.RequestBody?.Content);
        foreach (var media in contents.SelectMany(content => content?.Values ?? []).OfType<OpenApiMediaType>())
        {
            if (media.Schema is OpenApiSchemaReference { Reference.Id: StreamSchemaId } or { Format: "binary" })
            {
                media.Schema = null;
            }
        }

        return Task.CompletedTask;
    }
}
