namespace Strata.Modules.Catalog.Services;

/// <summary>
/// The arithmetic of a 17-character VIN (ISO 3779; the check digit as 49 CFR 565 defines it for North America):
/// no I, O or Q; position 9 is a check digit over the transliterated characters; position 10 codes the model year
/// on a 30-year cycle.
/// </summary>
internal static class VinNumbers
{
    public const int Length = 17;

    private static readonly int[] Weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

    // Position 10: A–Y without I, O, Q, U, Z for 1980–2000, then 1–9 for 2001–2009; the cycle restarts in 2010.
    private const string YearCodes = "ABCDEFGHJKLMNPRSTVWXY123456789";

    /// <summary>True when <paramref name="vin"/> has 17 characters from the VIN alphabet (upper-case).</summary>
    public static bool IsWellFormed(string vin) => vin.Length == Length && vin.All(IsVinCharacter);

    /// <summary>Digits and upper-case letters except I, O and Q (too easily read as 1 and 0).</summary>
    public static bool IsVinCharacter(char c) => c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') && c is not ('I' or 'O' or 'Q');

    /// <summary>The check digit (<c>0</c>–<c>9</c> or <c>X</c>) the other 16 characters call for.</summary>
    public static char CheckDigit(string vin)
    {
        var sum = 0;
        for (var i = 0; i < Length; i++)
        {
            sum += Transliterate(vin[i]) * Weights[i];
        }

        var remainder = sum % 11;
        return remainder == 10 ? 'X' : (char)('0' + remainder);
    }

    /// <summary>The model years position 10 can mean, oldest first (one per 30-year cycle from 1980); none when invalid.</summary>
    public static IReadOnlyList<int> ModelYears(char code, int latest)
    {
        var index = YearCodes.IndexOf(code, StringComparison.Ordinal);
        if (index < 0)
        {
            return [];
        }

        var years = new List<int>();
        for (var year = 1980 + index; year <= latest; year += YearCodes.Length)
        {
            years.Add(year);
        }

        return years;
    }

    private static int Transliterate(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        'A' or 'J' => 1,
        'B' or 'K' or 'S' => 2,
        'C' or 'L' or 'T' => 3,
        'D' or 'M' or 'U' => 4,
        'E' or 'N' or 'V' => 5,
        'F' or 'W' => 6,
        'G' or 'P' or 'X' => 7,
        'H' or 'Y' => 8,
        'R' or 'Z' => 9,
        _ => 0,
    };
}
