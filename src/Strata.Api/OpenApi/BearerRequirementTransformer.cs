using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Strata.Api.OpenApi;

/// <summary>Marks every operation that requires a session with the <c>Bearer</c> security requirement.</summary>
internal sealed class BearerRequirementTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (ProblemResponsesTransformer.RequiresAuthorization(context.Description.ActionDescriptor.EndpointMetadata))
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(BearerSecuritySchemeTransformer.SchemeName, context.Document)] = [],
            });
        }

        return Task.CompletedTask;
    }
}
