namespace Strata.Modules.Catalog.Services;

/// <summary>
/// The VIN prefixes <see cref="IVinDecoder"/> decodes against: each names a manufacturer, and optionally one of its
/// models or variations, for a span of model years.
/// </summary>
public interface IVinPrefixCatalog
{
    /// <summary>
    /// Adds a VIN prefix. Refusals: 400 <c>catalog.invalid_vin_prefix</c> (not 3–8 VIN characters),
    /// <c>catalog.invalid_years</c>, <c>catalog.hierarchy_mismatch</c> (a model of another maker, a variation of another
    /// model); 404 <c>manufacturer.not_found</c>, <c>model.not_found</c>, <c>variation.not_found</c>; 409
    /// <c>catalog.vin_prefix_exists</c> for the same prefix and years.
    /// </summary>
    Task<VinPrefixDto> AddVinPrefixAsync(VinPrefixInput input, CancellationToken cancellationToken = default);

    /// <summary>Removes a VIN prefix; 404 <c>vin_prefix.not_found</c>.</summary>
    Task DeleteVinPrefixAsync(Guid vinPrefixId, CancellationToken cancellationToken = default);
}
