using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Strata.Api.Tests.OpenApi;

/// <summary>
/// An OpenAPI 3.1 document read as a contract for answers: which operation a request reaches, matched the way routing
/// matches it, and what that operation allows an answer to be — a declared status, a declared content type, and a JSON
/// body that the declared JSON Schema 2020-12 schema accepts.
/// </summary>
internal sealed class OpenApiContract
{
    // Where the document is registered for JSON Schema. Every schema is evaluated as a $ref into the whole document,
    // so the "#/components/schemas/X" references inside it resolve against the document, as OpenAPI 3.1 means them,
    // and each component is built once, on first use.
    private static readonly Uri DocumentUri = new("https://openapi.strata.test/v1.json");
    private static readonly HashSet<string> Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private readonly IReadOnlyList<OpenApiOperation> _operations;
    private readonly EvaluationOptions _evaluation;
    // JsonSchema.Net builds what it evaluates lazily and keeps it (the reference schemas here, the subschemas it finds in
    // the document); one evaluation at a time lets a test's concurrent requests share them without relying on that
    // caching being thread-safe.
    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private readonly Lock _evaluating = new();

    private OpenApiContract(IReadOnlyList<OpenApiOperation> operations, EvaluationOptions evaluation)
    {
        _operations = operations;
        _evaluation = evaluation;
    }

    /// <summary>Reads the OpenAPI document <paramref name="json"/>.</summary>
    public static OpenApiContract Parse(string json)
    {
        var document = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("The OpenAPI document is not a JSON object.");
        // Formats assert: a uuid or a date-time that does not parse breaks the promise as much as a wrong type does.
        var evaluation = new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };
        CloseObjects(document["components"]?["schemas"]);
        evaluation.SchemaRegistry.Register(DocumentUri, new JsonNodeBaseDocument(document, DocumentUri));

        var operations = new List<OpenApiOperation>();
        foreach (var (template, item) in document["paths"] as JsonObject ?? [])
        {
            var pathItem = item!.AsObject();
            operations.AddRange(pathItem.Where(o => Methods.Contains(o.Key)).Select(o => new OpenApiOperation(template, o.Key, pathItem, o.Value!.AsObject())));
        }

        return new OpenApiContract(operations, evaluation);
    }

    /// <summary>
    /// Makes every object schema that lists its properties, and says nothing of others, refuse others: JSON Schema
    /// allows them by default, so a member the API sends but does not declare (a leaked column, a token where an id
    /// belongs) would otherwise pass. The document itself stays open, as generated clients expect.
    /// </summary>
    private static void CloseObjects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject schema:
                if (schema.ContainsKey("properties") && !schema.ContainsKey("additionalProperties") && !schema.ContainsKey("unevaluatedProperties"))
                {
                    schema["unevaluatedProperties"] = false;
                }

                foreach (var (_, child) in schema.ToList())
                {
                    CloseObjects(child);
                }

                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    CloseObjects(item);
                }

                break;
        }
    }

    /// <summary>
    /// The operation a <paramref name="method"/> request to <paramref name="path"/> reaches, or null when the document
    /// has none. As in routing, a template's literal segments match case-insensitively and each path value must meet
    /// its parameter's schema (a <c>{id}</c> of format uuid matches a GUID only); of several matches, the one with
    /// literal segments earliest wins.
    /// </summary>
    public OpenApiOperation? Find(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        var values = OpenApiOperation.SegmentsOf(path).Select(Uri.UnescapeDataString).ToArray();
        return _operations
            .Where(o => o.Method.Equals(method.Method, StringComparison.OrdinalIgnoreCase) && o.Segments.Length == values.Length)
            .Where(o => o.Segments.Zip(values).All(pair => Matches(o, pair.First, pair.Second)))
            .OrderByDescending(o => o.Precedence, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>What is wrong with an answer of <paramref name="operation"/>; empty when the document allows it.</summary>
    public IReadOnlyList<string> Check(OpenApiOperation operation, int status, string? mediaType, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.ResponseFor(status) is not { } response)
        {
            return [$"status {status} is not declared"];
        }

        if (response.MediaTypes.Count == 0)
        {
            return body.IsEmpty ? [] : [$"{status} declares no body, but the answer has {mediaType ?? "one without a content type"} ({body.Length} bytes)"];
        }

        if (body.IsEmpty && mediaType is null)
        {
            return [$"{status} declares {string.Join(" or ", response.MediaTypes)}, but the answer has no body"];
        }

        if (mediaType is null || response.MediaTypeFor(mediaType) is not { } declared)
        {
            return [$"content type {mediaType ?? "(none)"} is not declared for {status} (declared: {string.Join(", ", response.MediaTypes)})"];
        }

        if (!IsJson(mediaType) || response.SchemaPointer(declared) is not { } schema)
        {
            return [];
        }

        JsonNode? instance;
        try
        {
            instance = JsonNode.Parse(body.Span);
        }
        catch (JsonException e)
        {
            return [$"the {mediaType} body is not JSON: {e.Message}"];
        }

        return Evaluate(schema, instance);
    }

    private bool Matches(OpenApiOperation operation, PathSegment segment, string value) =>
        segment.Match(value) is { } parameters
        && parameters.All(p => operation.ParameterSchema(p.Name) is not { } schema || Readings(p.Value).Any(reading => Evaluate(schema, reading).Count == 0));

    // A path value is text, but routing binds it to its parameter's type: "42" meets {"type": "integer"}.
    private static IEnumerable<JsonNode?> Readings(string value)
    {
        yield return JsonValue.Create(value);
        if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            yield return JsonValue.Create(number);
        }

        if (bool.TryParse(value, out var flag))
        {
            yield return JsonValue.Create(flag);
        }
    }

    // The errors of the schema at the JSON pointer `schema` for `instance`: where in the instance, what, and which
    // keyword of which schema said so.
    private List<string> Evaluate(string schema, JsonNode? instance)
    {
        EvaluationResults results;
        lock (_evaluating)
        {
            if (!_schemas.TryGetValue(schema, out var reference))
            {
                reference = new JsonSchemaBuilder().Ref($"{DocumentUri}#{schema}").Build();
                _schemas.Add(schema, reference);
            }

            results = reference.Evaluate(instance, _evaluation);
        }

        // The verdict is the evaluation's; the messages only say where and why.
        List<string> errors = [.. Failed(results)
            .Where(r => r.Errors is not null)
            .SelectMany(r => r.Errors!.Select(e =>
                $"{(r.InstanceLocation.Count == 0 ? "(body)" : r.InstanceLocation.ToString())}: {e.Value} (schema {Uri.UnescapeDataString(r.SchemaLocation.Fragment)}/{e.Key})"))
            .Distinct()];
        return results.IsValid || errors.Count > 0 ? errors : [$"(body): does not meet the schema {schema}"];
    }

    // The failed nodes of an evaluation, never descending into a passing one: the branches a passing oneOf or anyOf
    // rejected are not errors of the answer.
    private static IEnumerable<EvaluationResults> Failed(EvaluationResults results) =>
        results.IsValid ? [] : results.Details.SelectMany(Failed).Prepend(results);

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One operation of an OpenAPI document: its method and path template, path parameters and responses.</summary>
internal sealed class OpenApiOperation
{
    private readonly string _pointer;
    private readonly JsonObject _responses;
    private readonly Dictionary<string, string> _parameterSchemas = new(StringComparer.Ordinal);

    /// <summary>The operation <paramref name="method"/> of the path item <paramref name="pathItem"/> at <paramref name="template"/>.</summary>
    public OpenApiOperation(string template, string method, JsonObject pathItem, JsonObject operation)
    {
        ArgumentNullException.ThrowIfNull(pathItem);
        ArgumentNullException.ThrowIfNull(operation);
        Template = template;
        Method = method.ToUpperInvariant();
        OperationId = operation["operationId"]?.GetValue<string>();
        Segments = [.. SegmentsOf(template).Select(PathSegment.Parse)];
        _pointer = $"/paths/{Escape(template)}/{method}";
        _responses = operation["responses"] as JsonObject ?? [];
        // The path item's parameters first, so the operation's own parameter of the same name replaces one of them.
        AddPathParameters(pathItem["parameters"] as JsonArray, $"/paths/{Escape(template)}/parameters");
        AddPathParameters(operation["parameters"] as JsonArray, $"{_pointer}/parameters");
    }

    /// <summary>The path template, as the document keys it.</summary>
    public string Template { get; }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The operation's <c>operationId</c>, when it has one.</summary>
    public string? OperationId { get; }

    /// <summary>The declared statuses and their content types, for a message.</summary>
    public string Declared => string.Join(", ", _responses.Select(r => Declare(r) is { MediaTypes.Count: > 0 } declared
        ? $"{r.Key} {string.Join(" | ", declared.MediaTypes)}"
        : $"{r.Key} (no body)"));

    internal PathSegment[] Segments { get; }

    // Routing prefers a literal segment to a mixed one, and a mixed one to a bare parameter, earliest segment first.
    internal string Precedence => string.Concat(Segments.Select(s => s.Parameters.Length == 0 ? '2' : s.HasLiteralText ? '1' : '0'));

    public override string ToString() => $"{OperationId ?? "(no operationId)"} ({Method} {Template})";

    /// <summary>The segments of a path or a path template; none for the root.</summary>
    internal static string[] SegmentsOf(string path) => path.Trim('/') is { Length: > 0 } trimmed ? trimmed.Split('/') : [];

    /// <summary>A JSON pointer reference token, escaped for a URI fragment (RFC 6901, sections 3 and 6).</summary>
    internal static string Escape(string token) =>
        Uri.EscapeDataString(token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));

    /// <summary>The JSON pointer to the schema of the path parameter <paramref name="name"/>, or null without one.</summary>
    internal string? ParameterSchema(string name) => _parameterSchemas.GetValueOrDefault(name);

    /// <summary>The response declared for <paramref name="status"/>: its own, else its range ("4XX"), else "default".</summary>
    internal DeclaredResponse? ResponseFor(int status) =>
        ResponseFor(status.ToString(CultureInfo.InvariantCulture)) ?? ResponseFor($"{status / 100}XX") ?? ResponseFor("default");

    private DeclaredResponse? ResponseFor(string key) => Declare(_responses.FirstOrDefault(r => r.Key.Equals(key, StringComparison.OrdinalIgnoreCase)));

    private DeclaredResponse? Declare(KeyValuePair<string, JsonNode?> entry) =>
        entry.Value is JsonObject response ? new DeclaredResponse($"{_pointer}/responses/{Escape(entry.Key)}", response) : null;

    private void AddPathParameters(JsonArray? parameters, string pointer)
    {
        foreach (var (parameter, i) in (parameters ?? []).Select((p, i) => (p as JsonObject, i)))
        {
            if (parameter?["in"]?.GetValue<string>() == "path" && parameter["name"]?.GetValue<string>() is { } name && parameter["schema"] is not null)
            {
                _parameterSchemas[name] = $"{pointer}/{i}/schema";
            }
        }
    }
}

/// <summary>One segment of a path template: literal text around <c>{name}</c> parameters.</summary>
internal sealed partial class PathSegment
{
    private readonly Regex _pattern;

    private PathSegment(Regex pattern, string[] parameters, bool hasLiteralText)
    {
        _pattern = pattern;
        Parameters = parameters;
        HasLiteralText = hasLiteralText;
    }

    /// <summary>The names of its parameters, in order.</summary>
    public string[] Parameters { get; }

    /// <summary>Whether it has text beside its parameters.</summary>
    public bool HasLiteralText { get; }

    /// <summary>The segment of the template <paramref name="template"/>.</summary>
    public static PathSegment Parse(string template)
    {
        // Split keeps each captured name between the literal texts around it: literal, name, literal, …, literal.
        var parts = ParameterPattern().Split(template);
        return new PathSegment(
            new Regex($"^{string.Concat(parts.Select((part, i) => i % 2 == 1 ? "(.+?)" : Regex.Escape(part)))}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant),
            [.. parts.Where((_, i) => i % 2 == 1)],
            parts.Where((_, i) => i % 2 == 0).Any(part => part.Length > 0));
    }

    /// <summary>The parameters' values when <paramref name="value"/> fits the segment, else null.</summary>
    public IEnumerable<(string Name, string Value)>? Match(string value) =>
        _pattern.Match(value) is { Success: true } match ? Parameters.Select((name, i) => (name, match.Groups[i + 1].Value)) : null;

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex ParameterPattern();
}

/// <summary>A response an operation declares: its media types and where the schema of each is.</summary>
internal sealed class DeclaredResponse(string pointer, JsonObject response)
{
    private JsonObject Content => response["content"] as JsonObject ?? [];

    /// <summary>The declared media types (or ranges), as the document keys them.</summary>
    public IReadOnlyList<string> MediaTypes => [.. Content.Select(c => c.Key)];

    /// <summary>The declared media type that covers <paramref name="mediaType"/>: itself, else its "type/*", else "*/*".</summary>
    public string? MediaTypeFor(string mediaType) =>
        new[] { mediaType, $"{mediaType.Split('/')[0]}/*", "*/*" }
            .Select(candidate => MediaTypes.FirstOrDefault(declared => declared.Split(';')[0].Trim().Equals(candidate, StringComparison.OrdinalIgnoreCase)))
            .FirstOrDefault(declared => declared is not null);

    /// <summary>The JSON pointer to the schema declared for <paramref name="mediaType"/>, or null when there is none.</summary>
    public string? SchemaPointer(string mediaType) =>
        Content[mediaType] is JsonObject declared && declared["schema"] is not null
            ? $"{pointer}/content/{OpenApiOperation.Escape(mediaType)}/schema"
            : null;
}
