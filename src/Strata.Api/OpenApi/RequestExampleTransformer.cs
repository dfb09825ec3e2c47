using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Strata.AspNetCore.Routing;

namespace Strata.Api.OpenApi;

/// <summary>
/// Writes a route's <see cref="RequestExampleMetadata"/> as the example of its JSON request body, serialized with the
/// API's JSON options, without its null members (null and absent bind alike). An example of another type than the
/// body's is a mistake in the route, refused when the document is built.
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

        var example = JsonSerializer.SerializeToNode(declared.Example, declared.Example.GetType(), json.Value.SerializerOptions);
        if (example is JsonObject members)
        {
            // A body member sent as null binds as if absent, so the example leaves out its null members: a PATCH
            // example then shows what it changes, not "name": null.
            foreach (var name in members.Where(member => member.Value is null).Select(member => member.Key).ToList())
            {
                members.Remove(name);
            }
        }

        body!.Example = example;
        return Task.CompletedTask;
    }
}
