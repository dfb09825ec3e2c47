using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Strata.Api.Tests.Reliability;

/// <summary>
/// One hostile request: what it tries, and the request itself. <paramref name="RefusedByKestrel"/>: the server refuses
/// it before any middleware runs (a NUL in the path), so with a bare 400 and no problem body (docs/reliability.md).
/// </summary>
internal sealed record HostileProbe(
    string Route, string Attack, HttpMethod Method, string Path, string? ContentType, byte[]? Body, string? Authorization, bool RefusedByKestrel = false);

/// <summary>
/// Hostile requests for every operation of an OpenAPI document: each path value, query value and body field in turn
/// replaced by control characters, invalid Unicode, huge strings, wrong types, nulls in lists, overflowing numbers and
/// injection strings; malformed, wrongly typed and oversize bodies; forged and malformed tokens. Everything else in a
/// request is plausible (real ids of the scenario, a signed-in administrator), so the attack reaches as deep as it can.
/// The corpus is the same on every run: no randomness.
/// </summary>
internal sealed class HostileRequests(JsonElement document, IReadOnlyDictionary<string, Guid> ids, string token, long maxBodyBytes)
{
    // JSON values put in place of one body field. Escapes stay escaped: the server's JSON reader sees "\u0000", "\ud800".
    private static readonly string[] FieldAttacks =
    [
        "\"a\\u0000b\"", "\"bell\\u0007\"", "\"a\\ud800b\"", "\"\\udc00\"", "\"\\u009f\"", $"\"{new string('x', 100_000)}\"",
        "\"' OR '1'='1' --\"", "\"'); DROP TABLE users; --\"", "12345", "[null]", "[\"ok\", null]", "{\"$ne\": null}", "1e400",
        "99999999999999999999999999", "-2147483649", "true", "{\"note\": \"a\\ud800b\"}", "{\"a\\u0000\": 1}", "null",
    ];

    private static readonly string[] QueryAttacks =
    [
        "%00", "a%00b", "%01", "%ED%A0%80", "%C0%AF", new('q', 4000), "'%20OR%201%3D1--", "99999999999999999999", "-1", "abc",
        "!!!not-a-cursor", "eyJhIjoxfQ",
    ];

    private static readonly string[] PathAttacks =
    [
        "not-a-guid", "%00", "00000000-0000-0000-0000-000000000000", "0123456789abcdef0123456789abcdef", "'%20OR%201%3D1--",
        new('9', 2000), "%ED%A0%80", "..%2F..%2Fetc%2Fpasswd",
    ];

    private static readonly string[] TokenAttacks =
    [
        "Bearer forged-0000000000000000000000000000000000000000000", "Bearer ", "Basic dXNlcjpwYXNz", $"Bearer {new string('t', 4000)}",
        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.",
    ];

    /// <summary>Every probe of the document, in document order.</summary>
    public IEnumerable<HostileProbe> All()
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                foreach (var probe in ForOperation(path.Name, method, operation.Value))
                {
                    yield return probe;
                }
            }
        }
    }

    private IEnumerable<HostileProbe> ForOperation(string template, HttpMethod method, JsonElement operation)
    {
        var route = $"{method} {template}";
        var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToArray() : [];
        var pathNames = parameters.Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()!).ToArray();
        var queryNames = parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToArray();
        var (contentType, schema) = RequestBody(operation);
        var body = schema is { } s ? Encoding.UTF8.GetBytes(PlausibleJson(s)) : null;
        var authorization = $"Bearer {token}";

        foreach (var name in pathNames)
        {
            foreach (var attack in PathAttacks)
            {
                yield return new(route, $"path {name} = {Short(attack)}", method, Fill(template, name, attack), contentType, body, authorization,
                    RefusedByKestrel: attack == "%00");
            }
        }

        foreach (var name in queryNames)
        {
            foreach (var attack in QueryAttacks)
            {
                yield return new(route, $"query {name} = {Short(attack)}", method, $"{Fill(template)}?{Camel(name)}={attack}", contentType, body, authorization);
            }
        }

        foreach (var attack in TokenAttacks)
        {
            yield return new(route, $"authorization {Short(attack)}", method, Fill(template), contentType, body, attack);
        }

        if (contentType is null)
        {
            yield break;
        }

        if (schema is { } objectSchema && contentType == "application/json")
        {
            foreach (var field in Properties(objectSchema))
            {
                foreach (var attack in FieldAttacks)
                {
                    var json = PlausibleJson(objectSchema, field.Name, attack);
                    yield return new(route, $"body {field.Name} = {Short(attack)}", method, Fill(template), contentType, Encoding.UTF8.GetBytes(json), authorization);
                }
            }

            foreach (var (attack, malformed) in MalformedBodies())
            {
                yield return new(route, $"body {attack}", method, Fill(template), contentType, malformed, authorization);
            }

            yield return new(route, "body as text/plain", method, Fill(template), "text/plain", body, authorization);
            yield return new(route, "body as form", method, Fill(template), "application/x-www-form-urlencoded", "name=a%00b"u8.ToArray(), authorization);
        }
        else
        {
            yield return new(route, "body empty", method, Fill(template), contentType, [], authorization);
            yield return new(route, "body as text/html", method, Fill(template), "text/html", "<script>alert(1)</script>"u8.ToArray(), authorization);
            yield return new(route, "body of NUL bytes", method, Fill(template), contentType, new byte[64], authorization);
        }

        yield return new(route, "body over the size limit", method, Fill(template), contentType, Oversize(), authorization);
    }

    private static IEnumerable<(string Attack, byte[] Body)> MalformedBodies()
    {
        yield return ("truncated", "{\"name\":"u8.ToArray());
        yield return ("empty", []);
        yield return ("array", "[]"u8.ToArray());
        yield return ("string", "\"just a string\""u8.ToArray());
        yield return ("null", "null"u8.ToArray());
        yield return ("nested 5000 deep", Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)));
        yield return ("invalid UTF-8", [(byte)'{', (byte)'"', (byte)'n', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, 0xED, 0xA0, 0x80, (byte)'"', (byte)'}']);
        yield return ("trailing garbage", "{} {}"u8.ToArray());
        yield return ("comments", "{/* c */}"u8.ToArray());
    }

    private byte[] Oversize() => Encoding.UTF8.GetBytes($"{{\"name\":\"{new string('o', (int)maxBodyBytes + 1)}\"}}");

    private static (string? ContentType, JsonElement? Schema) RequestBody(JsonElement operation)
    {
        if (!operation.TryGetProperty("requestBody", out var body))
        {
            return (null, null);
        }

        var content = body.GetProperty("content").EnumerateObject().First();
        return content.Name == "application/json" ? (content.Name, content.Value.GetProperty("schema")) : (content.Name, null);
    }

    private JsonElement Resolve(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? Resolve(document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..]))
            : schema;

    private JsonProperty[] Properties(JsonElement schema) =>
        Resolve(schema).TryGetProperty("properties", out var properties) ? [.. properties.EnumerateObject()] : [];

    // A body the route could accept: every field with a plausible value, one field optionally replaced.
    private string PlausibleJson(JsonElement schema, string? replaced = null, string? replacement = null)
    {
        var fields = Properties(schema).Select(p =>
            $"{JsonSerializer.Serialize(p.Name)}:{(p.Name == replaced ? replacement : Plausible(p.Name, Resolve(p.Value)))}");
        return $"{{{string.Join(',', fields)}}}";
    }

    private string Plausible(string name, JsonElement schema)
    {
        if (schema.TryGetProperty("enum", out var values))
        {
            return values.EnumerateArray().First(v => v.ValueKind != JsonValueKind.Null).GetRawText();
        }

        var type = Types(schema);
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (format == "uuid")
        {
            return JsonSerializer.Serialize(ids.TryGetValue(name, out var id) ? id : Guid.Empty);
        }

        if (type.Contains("integer"))
        {
            return name.StartsWith("year", StringComparison.Ordinal) ? "2005" : "1";
        }

        if (type.Contains("boolean"))
        {
            return "false";
        }

        if (type.Contains("array"))
        {
            return "[\"probe\"]";
        }

        if (name == "bodyStyle")
        {
            return "\"Hatchback\"";
        }

        if (type.Contains("string") && format is null)
        {
            return JsonSerializer.Serialize(name.Contains("email", StringComparison.OrdinalIgnoreCase) ? "probe@example.com" : $"probe {name}");
        }

        return format == "date-time" ? "\"2026-01-01T00:00:00Z\"" : "{\"probe\":\"value\"}";
    }

    private static string[] Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)]
        : [type.GetString()!];

    // Path values of the scenario: each parameter takes the id of the resource its segment names.
    private string Fill(string template, string? attacked = null, string? attack = null)
    {
        var segments = template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i] is ['{', .. var name, '}'])
            {
                segments[i] = name == attacked ? attack! : Value(segments[i - 1], name);
            }
        }

        return string.Join('/', segments);
    }

    private string Value(string segment, string name) => (segment, name) switch
    {
        (_, "vin") => "1HGCM82633A004352",
        (_, "key") => "catalog.write",
        _ when ids.TryGetValue(name == "id" ? segment : name, out var id) => id.ToString(),
        _ => Guid.Empty.ToString(),
    };

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string Short(string attack) => attack.Length > 40 ? $"{attack[..12]}… ({attack.Length.ToString(CultureInfo.InvariantCulture)} chars)" : attack;
}
