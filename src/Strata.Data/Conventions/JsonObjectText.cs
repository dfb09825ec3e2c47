using System.Text.Json;
using Strata.Data.Errors;

namespace Strata.Data.Conventions;

/// <summary>
/// A free-form JSON object kept in a text column (workspace metadata, part attributes): checked on the way in, parsed
/// back for DTOs on the way out.
/// </summary>
public static class JsonObjectText
{
    /// <summary>Longest stored text, in characters.</summary>
    public const int MaxLength = 16 * 1024;

    /// <summary>
    /// The object's JSON text; a <see cref="ValidationError"/> with <paramref name="code"/> on <paramref name="field"/>
    /// when the value is not an object or its text is longer than <see cref="MaxLength"/>.
    /// </summary>
    public static string From(JsonElement value, string code, string field)
    {
        var text = value.GetRawText();
        return value.ValueKind == JsonValueKind.Object && text.Length <= MaxLength
            ? text
            : throw new ValidationError(code, field, $"'{field}' must be a JSON object of at most {MaxLength} characters.");
    }

    /// <summary>The stored text as a JSON value that outlives the parse.</summary>
    public static JsonElement Read(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
