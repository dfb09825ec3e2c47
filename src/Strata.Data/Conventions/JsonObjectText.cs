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
    /// when the value is not an object or its text is longer than <see cref="MaxLength"/>, and a
    /// <see cref="TextInput.InvalidTextCode"/> one when a string or name inside breaks <see cref="TextInput"/>'s rule
    /// (an escaped lone surrogate would be stored, then fail every read of the row).
    /// </summary>
    public static string From(JsonElement value, string code, string field)
    {
        var text = value.GetRawText();
        if (value.ValueKind != JsonValueKind.Object || text.Length > MaxLength)
        {
            throw new ValidationError(code, field, $"'{field}' must be a JSON object of at most {MaxLength} characters.");
        }

        return TextInput.Problem(value, field) is { } found ? throw TextInput.Refusal(found.Path, found.Problem) : text;
    }

    /// <summary>The stored text as a JSON value that outlives the parse.</summary>
    public static JsonElement Read(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
