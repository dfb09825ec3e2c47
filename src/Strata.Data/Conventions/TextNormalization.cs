using System.Globalization;
using System.Text;

namespace Strata.Data.Conventions;

/// <summary>
/// The normalisation behind <c>normalized_*</c> columns: case-insensitive uniqueness and lookups that behave the
/// same on SQLite (whose <c>lower()</c> and <c>LIKE</c> fold ASCII only) and PostgreSQL.
/// </summary>
public static class TextNormalization
{
    /// <summary>Trims, applies Unicode NFKC and upper-cases with the invariant culture (the ASP.NET Core Identity choice).</summary>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Trim().Normalize(NormalizationForm.FormKC).ToUpper(CultureInfo.InvariantCulture);
    }
}
