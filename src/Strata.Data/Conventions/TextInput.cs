using System.Buffers;
using System.Text.Json;
using Strata.Data.Errors;

namespace Strata.Data.Conventions;

/// <summary>
/// The one rule for text Strata accepts and stores, the same on both providers: well-formed UTF-16 (no lone surrogate,
/// which UTF-8 storage cannot hold and a JSON reader cannot read back) and no control character other than tab, line
/// feed and carriage return (PostgreSQL text cannot hold NUL at all; SQLite would store it and hand it to every reader).
/// The HTTP edge applies it to every request field, and the save pipeline to every string column as the last line.
/// </summary>
public static class TextInput
{
    /// <summary>The error code of text that breaks the rule.</summary>
    public const string InvalidTextCode = "request.invalid_text";

    private const string LoneSurrogate = "is not valid Unicode (a lone UTF-16 surrogate)";

    // Everything the rule may refuse; a match is looked at closely (a surrogate may be half of a valid pair).
    private static readonly SearchValues<char> Suspect = SearchValues.Create(SuspectCharacters());

    /// <summary>Why <paramref name="value"/> breaks the rule, as a phrase following the field's name; null when it does not.</summary>
    public static string? Problem(ReadOnlySpan<char> value)
    {
        var offset = 0;
        while (value[offset..].IndexOfAny(Suspect) is var found and >= 0)
        {
            var at = offset + found;
            var c = value[at];
            if (char.IsHighSurrogate(c) && at + 1 < value.Length && char.IsLowSurrogate(value[at + 1]))
            {
                offset = at + 2;
                continue;
            }

            return char.IsSurrogate(c)
                ? $"{LoneSurrogate} at position {at}"
                : $"must not contain the control character U+{(int)c:X4} (position {at})";
        }

        return null;
    }

    /// <summary>
    /// Why the strings and property names anywhere inside <paramref name="value"/> break the rule, with the JSON path
    /// below <paramref name="path"/> where it happens; null when nothing does.
    /// </summary>
    public static (string Path, string Problem)? Problem(JsonElement value, string path)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return ProblemOfJsonText(() => value.GetString()!) is { } problem ? (path, problem) : null;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    if (ProblemOfJsonText(() => property.Name) is { } nameProblem)
                    {
                        return (path, "has a property name that " + nameProblem);
                    }

                    if (Problem(property.Value, $"{path}.{property.Name}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (Problem(item, $"{path}[{index++}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>Throws a <see cref="ValidationError"/> on <paramref name="field"/> when <paramref name="value"/> breaks the rule.</summary>
    public static void Check(string? value, string field)
    {
        if (value is not null && Problem(value) is { } problem)
        {
            throw Refusal(field, problem);
        }
    }

    /// <summary>The <see cref="ValidationError"/> for <paramref name="field"/> and <paramref name="problem"/>.</summary>
    public static ValidationError Refusal(string field, string problem) => new(InvalidTextCode, field, Message(field, problem));

    /// <summary>The sentence telling what is wrong with <paramref name="field"/>.</summary>
    public static string Message(string field, string problem) => $"'{field}' {problem}.";

    // Reading a JSON string or property name throws on an escaped lone surrogate ("\ud800"): it can never be text.
    private static string? ProblemOfJsonText(Func<string> read)
    {
        try
        {
            return Problem(read());
        }
        catch (InvalidOperationException)
        {
            return LoneSurrogate;
        }
    }

    private static string SuspectCharacters()
    {
        var characters = new List<char>();
        for (var c = '\u0000'; c <= '\u009F'; c++)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                characters.Add(c);
            }
        }

        for (var c = '\uD800'; c <= '\uDFFF'; c++)
        {
            characters.Add(c);
        }

        return new string([.. characters]);
    }
}
