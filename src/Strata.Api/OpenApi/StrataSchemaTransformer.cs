using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Strata.Api.OpenApi;

/// <summary>
/// Says in the schemas what the C# types mean but cannot tell the generator: a <see cref="JsonElement"/> is a JSON
/// object (workspace metadata, part attributes, WebAuthn options — the generator would write the empty schema, "any
/// value"), and a string limited by <see cref="AllowedValuesAttribute"/> is a string enum (the values kept as the
/// constants the module checks and stores).
/// </summary>
internal sealed class StrataSchemaTransformer : IOpenApiSchemaTransformer
{
    /// <summary>The component name of <see cref="JsonElement"/>'s schema.</summary>
    public const string JsonObjectId = "JsonObject";

    // The members' schema of a JSON object: any value. The generator then visits it as if it were the object's own
    // type (a JsonElement again), so it is recognised and left alone.
    private static readonly OpenApiSchema AnyValue = new();

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(schema, AnyValue))
        {
            return Task.CompletedTask;
        }

        if (context.JsonTypeInfo.Type == typeof(JsonElement) || context.JsonTypeInfo.Type == typeof(JsonElement?))
        {
            schema.Type = context.JsonTypeInfo.Type == typeof(JsonElement) ? JsonSchemaType.Object : JsonSchemaType.Object | JsonSchemaType.Null;
            schema.AdditionalProperties = AnyValue;
            schema.Description ??= "A JSON object.";
        }

        // On a body property, or on a query parameter bound from a record property ([AsParameters]).
        var attributes = context.JsonPropertyInfo?.AttributeProvider
            ?? (context.ParameterDescription?.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo;
        if (attributes?.GetCustomAttributes(typeof(AllowedValuesAttribute), inherit: false).OfType<AllowedValuesAttribute>().FirstOrDefault() is { } allowed)
        {
            schema.Enum = [.. allowed.Values.Select(value => JsonValue.Create(value?.ToString())).OfType<JsonNode>()];
            if (schema.Type?.HasFlag(JsonSchemaType.Null) == true)
            {
                schema.Enum.Add(null!);
            }
        }

        // A C# enum's schema (WorkspaceRole) lists its JSON strings but names no type; string enums say they are strings.
        if (schema is { Type: null, Enum.Count: > 0 } && schema.Enum.All(value => value?.GetValueKind() == JsonValueKind.String))
        {
            schema.Type = JsonSchemaType.String;
        }

        return Task.CompletedTask;
    }
}
