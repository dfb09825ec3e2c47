using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Strata.AspNetCore.Routing;

namespace Strata.Api.OpenApi;

/// <summary>
/// Writes a route's <see cref="RequestExampleMetadata"/> as the example of its JSON request body, serialized with the
/// API's JSON options. An example of another type than the body's is a mistake in the route, refused when the document
/// is built.
/// </summary>
internal sealed class RequestExampleTransformer(IOptions<JsonOptions> json) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestExampleMetadata>().LastOrDefault() is not { } declared ||
            operation.RequestBody?.Content?.TryGetValue("application/json", out var body) != true)
        {
            return Task.CompletedTask;
        }

        var bodyType = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Source.Id == "Body")?.Type;
        if (bodyType is not null && !bodyType.IsInstanceOfType(declared.Example))
        {
            throw new InvalidOperationException(
                $"The request example of '{context.Description.RelativePath}' is a {declared.Example.GetType().Name}; the body is a {bodyType.Name}.");
        }

        body!.Example = JsonSerializer.SerializeToNode(declared.Example, declared.Example.GetType(), json.Value.SerializerOptions);
        return Task.CompletedTask;
    }
}
