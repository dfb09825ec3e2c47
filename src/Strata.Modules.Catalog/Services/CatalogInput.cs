using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Services;

/// <summary>
/// The catalog's input rules, each written once with the sentence that explains it: the services refuse what breaks
/// them (400 with a <c>catalog.*</c> code) and the API's request validators reuse them, so a request the route lets
/// through is one the service accepts. The numbers are in <see cref="CatalogLimits"/>.
/// </summary>
public static partial class CatalogInput
{
    /// <summary>What <see cref="IsVariationYearFrom"/> asks.</summary>
    public static readonly string VariationYearFromRule =
        $"The first model year must be between {CatalogLimits.FirstModelYear} and {CatalogLimits.LastModelYear}.";

    /// <summary>What <see cref="IsVariationYearTo"/> asks.</summary>
    public static readonly string VariationYearToRule = $"The last model year must be between the first one and {CatalogLimits.LastModelYear}.";

    /// <summary>What <see cref="IsVariationDetail"/> asks.</summary>
    public static readonly string VariationDetailRule = $"Trim and engine are at most {CatalogLimits.VariationDetailMaxLength} characters.";

    /// <summary>What <see cref="IsVinPrefix"/> asks.</summary>
    public static readonly string VinPrefixRule =
        $"A VIN prefix is {CatalogLimits.VinPrefixMinLength} to {CatalogLimits.VinPrefixMaxLength} VIN characters (letters and digits, no I, O or Q).";

    /// <summary>What <see cref="IsPartNumber"/> asks.</summary>
    public static readonly string PartNumberRule =
        $"The part number must have 1 to {CatalogLimits.PartNumberMaxLength} characters besides spaces and separators.";

    /// <summary>What <see cref="IsDescription"/> asks.</summary>
    public static readonly string DescriptionRule = $"The description is at most {CatalogLimits.DescriptionMaxLength} characters.";

    /// <summary>What <see cref="IsFitmentNote"/> asks.</summary>
    public static readonly string FitmentNoteRule = $"The note is at most {CatalogLimits.FitmentNoteMaxLength} characters.";

    /// <summary>What <see cref="IsSearch"/> asks.</summary>
    public static readonly string SearchRule = $"The search text is at most {CatalogLimits.SearchMaxLength} characters.";

    /// <summary>What <see cref="IsImportSourceName"/> asks.</summary>
    public static readonly string ImportSourceNameRule = $"The source name must be 1 to {CatalogLimits.ImportSourceNameMaxLength} characters.";

    /// <summary>The formats an import reads.</summary>
    public const string ImportFormatRule = "The format is csv (with a header row) or jsonl (one JSON object per line).";

    /// <summary>What <see cref="IsCountry"/> asks.</summary>
    public const string CountryRule = "The country is an ISO 3166-1 alpha-2 code: two upper-case letters.";

    /// <summary>What <see cref="IsName"/> asks of a name of at most <paramref name="maxLength"/> characters.</summary>
    public static string NameRule(int maxLength = CatalogLimits.NameMaxLength) => $"The name must be 1 to {maxLength} characters.";

    /// <summary>A name is not blank and, trimmed (as it is stored), at most <paramref name="maxLength"/> characters.</summary>
    public static bool IsName(string? name, int maxLength = CatalogLimits.NameMaxLength) =>
        !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= maxLength;

    /// <summary>A manufacturer's country is absent or an ISO 3166-1 alpha-2 code, upper-case.</summary>
    public static bool IsCountry(string? country) => country is null || CountryCode().IsMatch(country);

    /// <summary>A variation's first model year is within the catalog's years.</summary>
    public static bool IsVariationYearFrom(int yearFrom) => yearFrom is >= CatalogLimits.FirstModelYear and <= CatalogLimits.LastModelYear;

    /// <summary>A variation's last model year is absent (still built) or from its first year to the catalog's last.</summary>
    public static bool IsVariationYearTo(int yearFrom, int? yearTo) => yearTo is not { } to || (to >= yearFrom && to <= CatalogLimits.LastModelYear);

    /// <summary>A variation's trim or engine is absent or short enough.</summary>
    public static bool IsVariationDetail(string? value) => !(value?.Length > CatalogLimits.VariationDetailMaxLength);

    /// <summary>The form a VIN prefix is stored and compared in: trimmed, upper-case.</summary>
    public static string NormalizeVinPrefix(string? prefix) => (prefix ?? string.Empty).Trim().ToUpperInvariant();

    /// <summary>A VIN prefix, normalized, is 3 to 8 characters of the VIN alphabet.</summary>
    public static bool IsVinPrefix(string? prefix)
    {
        var normalized = NormalizeVinPrefix(prefix);
        return normalized.Length is >= CatalogLimits.VinPrefixMinLength and <= CatalogLimits.VinPrefixMaxLength && normalized.All(VinNumbers.IsVinCharacter);
    }

    /// <summary>
    /// A part number fits its column and, without case, spaces, dots, slashes and hyphens (as it is compared), still has
    /// 1 to 64 characters.
    /// </summary>
    public static bool IsPartNumber(string? partNumber) =>
        partNumber is { Length: <= CatalogLimits.PartNumberMaxLength } && PartNumbers.Normalize(partNumber).Length > 0;

    /// <summary>A part's description is absent or short enough.</summary>
    public static bool IsDescription(string? description) => !(description?.Length > CatalogLimits.DescriptionMaxLength);

    /// <summary>A fitment's note is absent or short enough.</summary>
    public static bool IsFitmentNote(string? note) => !(note?.Length > CatalogLimits.FitmentNoteMaxLength);

    /// <summary>A part list's search text is absent or at most 200 characters (before it is cut into terms).</summary>
    public static bool IsSearch(string? search) => !(search?.Length > CatalogLimits.SearchMaxLength);

    /// <summary>An import's source name (a file name) is not blank, at most 200 characters trimmed, and valid text.</summary>
    public static bool IsImportSourceName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= CatalogLimits.ImportSourceNameMaxLength && Data.Conventions.TextInput.Problem(name) is null;

    /// <summary>
    /// The terms of a search text: its runs of letters and digits, accents removed (é → e) and lower-cased, at most
    /// <see cref="CatalogLimits.SearchMaxTerms"/> terms of at most <see cref="CatalogLimits.SearchTermMaxLength"/>
    /// characters. Everything else — quotes, operators, FTS and tsquery syntax, control characters, emoji — only
    /// separates terms, so no user text ever reaches a query engine as syntax.
    /// </summary>
    public static IReadOnlyList<string> SearchTerms(string? search)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(search))
        {
            return terms;
        }

        var term = new StringBuilder();
        foreach (var c in search.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (term.Length < CatalogLimits.SearchTermMaxLength)
                {
                    term.Append(char.ToLowerInvariant(c));
                }
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                Flush();
            }
        }

        Flush();
        return terms;

        void Flush()
        {
            if (term.Length > 0 && terms.Count < CatalogLimits.SearchMaxTerms)
            {
                // Recomposed, so a letter whose accent was removed is one character again.
                terms.Add(term.ToString().Normalize(NormalizationForm.FormC));
            }

            term.Clear();
        }
    }

    // \z, not $: "$" would let a trailing line feed through.
    [GeneratedRegex(@"^[A-Z]{2}\z")]
    private static partial Regex CountryCode();
}
