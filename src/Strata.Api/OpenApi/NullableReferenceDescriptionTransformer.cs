using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Strata.Api.OpenApi;

/// <summary>
/// Puts the description of a nullable property that refers to a schema (<c>VinDecoding.model</c>) on the property. The
/// generator writes such a property as <c>oneOf: [{ type: null }, { $ref, description }]</c>, the description inside the
/// reference, where readers of the property (the API reference, client generators) do not look for it.
/// </summary>
internal sealed class NullableReferenceDescriptionTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [];
        foreach (var property in schemas.SelectMany(schema => schema.Properties?.Values.OfType<OpenApiSchema>() ?? []))
        {
            if (property is { Description: null, OneOf: { Count: 2 } members } &&
                members.Any(member => member is OpenApiSchema { Type: JsonSchemaType.Null }) &&
                members.OfType<OpenApiSchemaReference>().SingleOrDefault() is { Reference.Description: { Length: > 0 } description } reference)
            {
                property.Description = description;
                reference.Reference.Description = null;
            }
        }

        return Task.CompletedTask;
    }
}
