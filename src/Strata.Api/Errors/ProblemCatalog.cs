using System.Text.RegularExpressions;

namespace Strata.Api.Errors;

/// <summary>
/// Every error code the API answers, read from docs/errors.md (embedded in the assembly), which
/// <c>ErrorCodeCatalogTests</c> proves complete: the one list, so the problem pages cannot miss a code the API sends.
/// </summary>
internal sealed partial class ProblemCatalog
{
    private ProblemCatalog(IReadOnlyList<ProblemSection> sections)
    {
        Sections = sections;
        Codes = sections.SelectMany(section => section.Codes).ToDictionary(code => code.Code, StringComparer.Ordinal);
    }

    /// <summary>The page's sections (Request, Paging, Database, …) with their codes, in the page's order.</summary>
    public IReadOnlyList<ProblemSection> Sections { get; }

    /// <summary>Every code by name.</summary>
    public IReadOnlyDictionary<string, ProblemCode> Codes { get; }

    /// <summary>Reads the catalog embedded at build time.</summary>
    public static ProblemCatalog Load()
    {
        using var stream = typeof(ProblemCatalog).Assembly.GetManifestResourceStream("Strata.Api.errors.md")
            ?? throw new InvalidOperationException("docs/errors.md is not embedded in Strata.Api.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Reads the code tables (<c>| code | status | meaning | raised by |</c>) of a page under its <c>##</c> headings.</summary>
    public static ProblemCatalog Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var sections = new List<ProblemSection>();
        string? heading = null;
        List<ProblemCode>? codes = null;
        foreach (var line in markdown.Split('\n').Select(line => line.TrimEnd('\r')))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                heading = line[3..].Trim();
                codes = null;
            }
            else if (heading is not null && CodeRow().Match(line) is { Success: true } row)
            {
                if (codes is null)
                {
                    codes = [];
                    sections.Add(new ProblemSection(heading, codes));
                }

                codes.Add(new ProblemCode(row.Groups["code"].Value, int.Parse(row.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    row.Groups["meaning"].Value.Trim(), row.Groups["by"].Value.Trim()));
            }
        }

        return new ProblemCatalog(sections);
    }

    [GeneratedRegex(@"^\| `(?<code>[a-z0-9_]+\.[a-z0-9_]+)` \| (?<status>\d{3}) \|(?<meaning>[^|]*)\|(?<by>.*)\|$")]
    private static partial Regex CodeRow();
}
