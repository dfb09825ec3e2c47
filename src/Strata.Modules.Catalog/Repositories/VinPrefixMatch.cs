namespace Strata.Modules.Catalog.Repositories;

/// <summary>A known VIN prefix with its (live) manufacturer, flattened for decoding; model and variation by internal id.</summary>
internal sealed record VinPrefixMatch(
    string Prefix, int? YearFrom, int? YearTo, Guid ManufacturerId, string ManufacturerName, long? ModelId, long? VariationId);
