using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;

namespace Strata.Api.OpenApi;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>, with the transformers that make it tell the truth.</summary>
internal static class StrataOpenApi
{
    public static IServiceCollection AddStrataOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(openApi =>
        {
            openApi.CreateSchemaReferenceId = type =>
                type.Type == typeof(JsonElement) ? StrataSchemaTransformer.JsonObjectId : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            openApi
                .AddDocumentTransformer<ApiDocumentTransformer>()
                .AddDocumentTransformer<BearerSecuritySchemeTransformer>()
                .AddDocumentTransformer<NullableReferenceDescriptionTransformer>()
                .AddSchemaTransformer<StrataSchemaTransformer>()
                .AddOperationTransformer<BearerRequirementTransformer>()
                .AddOperationTransformer<CamelCaseQueryParameterTransformer>()
                .AddOperationTransformer<PagingParameterTransformer>()
                .AddOperationTransformer<RequestExampleTransformer>()
                .AddOperationTransformer<BinaryContentTransformer>()
                .AddOperationTransformer<ProblemResponsesTransformer>();
        });
}
