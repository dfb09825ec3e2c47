using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Strata.Api.OpenApi;

/// <summary>
/// Names query parameters as the contract spells them (<c>limit</c>, <c>cursor</c>, <c>actorId</c>): parameters bound
/// with <c>[AsParameters]</c> are documented under their C# property names (<c>Limit</c>, <c>ActorId</c>). Binding is
/// case-insensitive, so both spellings work; the document states the one clients should send. Every route gets this,
/// so a new module's query records need no attribute per property.
/// </summary>
internal sealed class CamelCaseQueryParameterTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter is { In: ParameterLocation.Query, Name: { Length: > 0 } name })
            {
                parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(name);
            }
        }

        return Task.CompletedTask;
    }
}
