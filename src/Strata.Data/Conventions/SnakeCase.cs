using System.Text;

namespace Strata.Data.Conventions;

/// <summary>Converts CLR names to snake_case database names (<c>NormalizedEmail</c> → <c>normalized_email</c>).</summary>
public static class SnakeCase
{
    /// <summary>The snake_case form of <paramref name="name"/>; acronyms stay together (<c>HTTPStatus</c> → <c>http_status</c>).</summary>
    public static string From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var startsWord = i > 0 && name[i - 1] != '_' &&
                    (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
                if (startsWord)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The camelCase API field name of a snake_case column (<c>normalized_email</c> → <c>email</c>: the user typed the email).</summary>
    public static string ToFieldName(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        const string normalizedPrefix = "normalized_";
        var name = column.StartsWith(normalizedPrefix, StringComparison.Ordinal) ? column[normalizedPrefix.Length..] : column;
        var parts = name.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select((p, i) => i == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
