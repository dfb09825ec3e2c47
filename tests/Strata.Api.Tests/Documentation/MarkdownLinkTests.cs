using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Api.Tests.Documentation;

/// <summary>
/// Every link in README.md and docs/ leads somewhere: a relative link to a file of the repository (and, with an
/// anchor, to a heading of that page); anything else only to a public https site.
/// </summary>
public sealed partial class MarkdownLinkTests
{
    [Fact]
    public void Every_relative_link_names_a_file_inside_the_repository()
    {
        var broken = Links()
            .Where(link => !link.IsExternal && link.Path.Length > 0)
            .Where(link => !IsInsideRepository(link.TargetPath) || !(File.Exists(link.TargetPath) || Directory.Exists(link.TargetPath)))
            .Select(link => link.Describe())
            .ToList();

        Assert.True(broken.Count == 0, "Links to nothing in the repository:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void Every_anchor_names_a_heading_of_its_page()
    {
        var broken = Links()
            .Where(link => !link.IsExternal && link.Anchor.Length > 0 && File.Exists(link.TargetPath))
            .Where(link => !HeadingAnchors(File.ReadAllText(link.TargetPath)).Contains(link.Anchor))
            .Select(link => link.Describe())
            .ToList();

        Assert.True(broken.Count == 0, "Anchors without a heading:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void Every_link_leaving_the_repository_goes_to_a_public_https_site()
    {
        var leaving = Links()
            .Where(link => link.IsExternal && !IsPublicHttps(link.Target))
            .Select(link => link.Describe())
            .ToList();

        Assert.True(leaving.Count == 0, "Links that are not public https:\n" + string.Join('\n', leaving));
    }

    [Fact]
    public void The_readme_stays_a_short_entry_page()
    {
        var size = new FileInfo(Path.Combine(RepositoryFiles.Root, "README.md")).Length;

        Assert.True(size <= 10 * 1024 + 512, $"README.md is {size} bytes; move detail to a docs/ page and link it.");
    }

    [Fact]
    public void A_slug_follows_the_github_rules()
    {
        Assert.Equal(
            ["the-key-rings-certificate", "auth-strataauth", "migrations-killed-half-way-rolled-back-to-zero-and-what-the-operator-is-told", "tables", "tables-1"],
            HeadingAnchors("## The key ring's certificate\n### Auth (`Strata:Auth`)\n## Migrations: killed half-way, rolled back to zero, and what the operator is told\n## Tables\n```\n## not a heading\n```\n## Tables\n"));
    }

    /// <summary>Every link of every page, code blocks and code spans left out.</summary>
    private static IEnumerable<MarkdownLink> Links() =>
        RepositoryFiles.MarkdownPages().SelectMany(page => LinksOf(page, File.ReadAllText(page)));

    private static IEnumerable<MarkdownLink> LinksOf(string page, string text)
    {
        var lines = WithoutCode(text).Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            foreach (Match match in InlineLink().Matches(lines[index]))
            {
                yield return new MarkdownLink(page, index + 1, match.Groups["target"].Value);
            }

            foreach (Match match in AutoLink().Matches(lines[index]))
            {
                yield return new MarkdownLink(page, index + 1, match.Groups["target"].Value);
            }
        }
    }

    // Fenced blocks become empty lines (line numbers stay right); code spans become spaces.
    private static string WithoutCode(string text)
    {
        var result = new StringBuilder();
        var fenced = false;
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                result.Append('\n');
                continue;
            }

            result.Append(fenced ? string.Empty : CodeSpan().Replace(line, " ")).Append('\n');
        }

        return result.ToString();
    }

    /// <summary>The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered.</summary>
    private static HashSet<string> HeadingAnchors(string text)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in WithoutCodeBlocks(text))
        {
            var heading = Heading().Match(line);
            if (!heading.Success)
            {
                continue;
            }

            var slug = Slug(heading.Groups["title"].Value);
            var count = seen.GetValueOrDefault(slug);
            seen[slug] = count + 1;
            anchors.Add(count == 0 ? slug : string.Create(CultureInfo.InvariantCulture, $"{slug}-{count}"));
        }

        return anchors;
    }

    private static IEnumerable<string> WithoutCodeBlocks(string text)
    {
        var fenced = false;
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
            }
            else if (!fenced)
            {
                yield return line;
            }
        }
    }

    private static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    private static bool IsInsideRepository(string path)
    {
        var root = Path.TrimEndingDirectorySeparator(RepositoryFiles.Root) + Path.DirectorySeparatorChar;
        return (Path.GetFullPath(path) + Path.DirectorySeparatorChar).StartsWith(root, StringComparison.Ordinal);
    }

    private static bool IsPublicHttps(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && !uri.IsLoopback
        && uri.Host.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex(@"(?<!!)\[[^\]]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"<(?<target>[a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]+)>")]
    private static partial Regex AutoLink();

    [GeneratedRegex("`+[^`]*`+")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^#{1,6}\s+(?<title>.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    private sealed record MarkdownLink(string Page, int Line, string Target)
    {
        public bool IsExternal => Target.Contains("://", StringComparison.Ordinal) || Target.StartsWith("mailto:", StringComparison.Ordinal);

        public string Path => Target.Split('#', 2)[0];

        public string Anchor => Target.Contains('#', StringComparison.Ordinal) ? Target.Split('#', 2)[1] : string.Empty;

        public string TargetPath => Path.Length == 0 ? Page : System.IO.Path.GetFullPath(Uri.UnescapeDataString(Path), System.IO.Path.GetDirectoryName(Page)!);

        public string Describe() => $"{System.IO.Path.GetRelativePath(RepositoryFiles.Root, Page)}:{Line}: {Target}";
    }
}
