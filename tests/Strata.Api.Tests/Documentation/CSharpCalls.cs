namespace Strata.Api.Tests.Documentation;

/// <summary>
/// Just enough C# reading for the error-code scan: the top-level arguments of a call, with string literals (plain,
/// verbatim, interpolated with their holes, raw), character literals and comments stepped over.
/// </summary>
internal static class CSharpCalls
{
    /// <summary>The arguments of the call whose opening parenthesis is at <paramref name="open"/>, trimmed.</summary>
    public static IReadOnlyList<string> Arguments(string text, int open)
    {
        ArgumentNullException.ThrowIfNull(text);
        var arguments = new List<string>();
        var depth = 0;
        var start = open + 1;
        var i = open;
        while (i < text.Length)
        {
            var c = text[i];
            if (StartsString(text, i))
            {
                i = SkipString(text, i);
                continue;
            }

            if (c == '\'')
            {
                i = SkipCharacter(text, i);
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i = text.IndexOf('\n', i) is var end and >= 0 ? end : text.Length;
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
                if (depth == 0)
                {
                    var last = text[start..i].Trim();
                    if (last.Length > 0 || arguments.Count > 0)
                    {
                        arguments.Add(last);
                    }

                    return arguments;
                }
            }
            else if (c == ',' && depth == 1)
            {
                arguments.Add(text[start..i].Trim());
                start = i + 1;
            }

            i++;
        }

        return arguments;
    }

    /// <summary>The value of a plain string literal (<c>"auth.email_taken"</c>), or null for any other expression.</summary>
    public static string? LiteralValue(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return expression.Length >= 2 && expression[0] == '"' && expression[^1] == '"' && expression.IndexOf('"', 1) == expression.Length - 1
            ? expression[1..^1]
            : null;
    }

    private static bool StartsString(string text, int i) =>
        text[i] == '"'
        || (text[i] is '$' or '@' && i + 1 < text.Length && (text[i + 1] == '"' || (text[i + 1] is '$' or '@' && i + 2 < text.Length && text[i + 2] == '"')));

    private static int SkipString(string text, int i)
    {
        var interpolated = false;
        var verbatim = false;
        var dollars = 0;
        while (text[i] is '$' or '@')
        {
            interpolated |= text[i] == '$';
            verbatim |= text[i] == '@';
            dollars += text[i] == '$' ? 1 : 0;
            i++;
        }

        if (string.CompareOrdinal(text, i, "\"\"\"", 0, 3) == 0)
        {
            var quotes = 0;
            while (i < text.Length && text[i] == '"')
            {
                quotes++;
                i++;
            }

            var end = text.IndexOf(new string('"', quotes), i, StringComparison.Ordinal);
            return end < 0 ? text.Length : end + quotes;
        }

        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (!verbatim && c == '\\')
            {
                i += 2;
            }
            else if (c == '"' && verbatim && i + 1 < text.Length && text[i + 1] == '"')
            {
                i += 2;
            }
            else if (c == '"')
            {
                return i + 1;
            }
            else if (interpolated && dollars <= 1 && c == '{')
            {
                i = i + 1 < text.Length && text[i + 1] == '{' ? i + 2 : SkipHole(text, i);
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    private static int SkipHole(string text, int i)
    {
        var depth = 0;
        while (i < text.Length)
        {
            if (StartsString(text, i))
            {
                i = SkipString(text, i);
                continue;
            }

            if (text[i] == '{')
            {
                depth++;
            }
            else if (text[i] == '}' && --depth == 0)
            {
                return i + 1;
            }

            i++;
        }

        return i;
    }

    private static int SkipCharacter(string text, int i)
    {
        i++;
        while (i < text.Length && text[i] != '\'')
        {
            i += text[i] == '\\' ? 2 : 1;
        }

        return i + 1;
    }
}
