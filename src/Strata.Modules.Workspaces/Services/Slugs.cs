using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Strata.Modules.Workspaces.Schema;

namespace Strata.Modules.Workspaces.Services;

/// <summary>URL-safe workspace names: lower-case ASCII letters and digits in hyphen-separated runs.</summary>
internal static partial class Slugs
{
    private const int GeneratedLength = 48;

    public static bool IsValid(string slug) => slug.Length <= WorkspaceConfiguration.MaxSlugLength && Shape().IsMatch(slug);

    /// <summary>A slug from a display name: accents dropped, anything else between letters and digits becomes one hyphen.</summary>
    public static string FromName(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(lower);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        text = text.Length > GeneratedLength ? text[..GeneratedLength].TrimEnd('-') : text;
        return text.Length == 0 ? "workspace" : text;
    }

    /// <summary>The slug with a random suffix, for a generated slug another workspace already holds.</summary>
    public static string WithSuffix(string slug) => $"{slug}-{RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 6)}";

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
