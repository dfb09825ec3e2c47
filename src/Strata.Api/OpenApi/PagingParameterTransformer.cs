using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Strata.Data.Repositories;

namespace Strata.Api.OpenApi;

/// <summary>
/// States the page size rule where clients read it, in the <c>limit</c> parameter's schema: 1 to
/// <see cref="PageRequest.MaxPageSize"/>, <see cref="KeysetRequest.DefaultLimit"/> when absent — from the constants the
/// repositories enforce, so no description has to repeat the numbers.
/// </summary>
internal sealed class PagingParameterTransformer : IOpenApiOperationTransformer
{
    private const string LimitName = "limit";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter is { In: ParameterLocation.Query, Name: LimitName, Schema: OpenApiSchema schema } && schema.Type?.HasFlag(JsonSchemaType.Integer) == true)
            {
                schema.Minimum = "1";
                schema.Maximum = PageRequest.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
                schema.Default = JsonValue.Create(KeysetRequest.DefaultLimit);
            }
        }

        return Task.CompletedTask;
    }
}
