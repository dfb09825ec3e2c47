namespace Strata.Modules.Catalog.Configuration;

/// <summary>Import settings under <c>Strata:Catalog</c>.</summary>
public sealed class CatalogImportOptions
{
    /// <summary>Configuration section holding these settings.</summary>
    public const string SectionName = "Strata:Catalog";

    /// <summary>Largest request body <c>POST /catalog/import</c> reads, in bytes (256 MiB by default); the CLI reads files of any size.</summary>
    public long ImportMaxBytes { get; set; } = 256L * 1024 * 1024;
}
