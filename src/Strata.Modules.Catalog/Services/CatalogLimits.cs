namespace Strata.Modules.Catalog.Services;

/// <summary>
/// The catalog's input limits, written once: the services enforce them and the API's request validators reuse them,
/// so a request the API lets through is one the service accepts.
/// </summary>
public static class CatalogLimits
{
    /// <summary>Longest name of a manufacturer, model, category or part name.</summary>
    public const int NameMaxLength = 100;

    /// <summary>Longest part name.</summary>
    public const int PartNameMaxLength = 200;

    /// <summary>The first model year there is (Benz's Patent-Motorwagen).</summary>
    public const int FirstModelYear = 1886;

    /// <summary>The first model year a 17-character VIN encodes.</summary>
    public const int FirstVinModelYear = 1980;

    /// <summary>The last model year the catalog accepts.</summary>
    public const int LastModelYear = 2100;

    /// <summary>Shortest VIN prefix: the world manufacturer identifier.</summary>
    public const int VinPrefixMinLength = 3;

    /// <summary>Longest VIN prefix: the manufacturer identifier and the vehicle descriptor section.</summary>
    public const int VinPrefixMaxLength = 8;

    /// <summary>Longest trim level or engine of a variation.</summary>
    public const int VariationDetailMaxLength = 100;

    /// <summary>Longest part number, as written.</summary>
    public const int PartNumberMaxLength = 64;

    /// <summary>Longest part description.</summary>
    public const int DescriptionMaxLength = 4000;

    /// <summary>Longest fitment note (position or condition).</summary>
    public const int FitmentNoteMaxLength = 200;

    /// <summary>Longest <c>?search=</c> text of the part list.</summary>
    public const int SearchMaxLength = 200;

    /// <summary>Most search terms used; words beyond them are ignored.</summary>
    public const int SearchMaxTerms = 8;

    /// <summary>Longest search term; a longer run of letters and digits is cut to this.</summary>
    public const int SearchTermMaxLength = 64;

    /// <summary>Longest source name kept with an import run.</summary>
    public const int ImportSourceNameMaxLength = 200;
}
