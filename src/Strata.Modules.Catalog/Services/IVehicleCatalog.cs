using Strata.Data.Repositories;

namespace Strata.Modules.Catalog.Services;

/// <summary>
/// The vehicle hierarchy: reading (keyset-paged) and writing manufacturers, models and variations. Every write
/// leaves a <c>vehicle_hierarchy_audit</c> row in its unit, with the scope's user (none for the CLI) and the row
/// before and after. Refusals: 400 with the field, 404 <c>…not_found</c>, 409 <c>catalog.name_taken</c> and
/// <c>catalog.has_children</c> (deleting what live rows still hang from).
/// </summary>
public interface IVehicleCatalog
{
    /// <summary>Manufacturers by name, optionally those whose name contains <paramref name="search"/>.</summary>
    Task<KeysetPage<ManufacturerDto>> ListManufacturersAsync(KeysetRequest request, string? search = null, CancellationToken cancellationToken = default);

    /// <summary>A manufacturer's models by name.</summary>
    Task<KeysetPage<VehicleModelDto>> ListModelsAsync(Guid manufacturerId, KeysetRequest request, CancellationToken cancellationToken = default);

    /// <summary>A model's variations by first model year.</summary>
    Task<KeysetPage<ModelVariationDto>> ListVariationsAsync(Guid modelId, KeysetRequest request, CancellationToken cancellationToken = default);

    /// <summary>Adds a manufacturer.</summary>
    Task<ManufacturerDto> CreateManufacturerAsync(ManufacturerInput input, CancellationToken cancellationToken = default);

    /// <summary>Changes a manufacturer.</summary>
    Task<ManufacturerDto> UpdateManufacturerAsync(Guid manufacturerId, ManufacturerInput input, CancellationToken cancellationToken = default);

    /// <summary>Deletes a manufacturer without live models or parts (soft).</summary>
    Task DeleteManufacturerAsync(Guid manufacturerId, CancellationToken cancellationToken = default);

    /// <summary>Adds a model to a manufacturer.</summary>
    Task<VehicleModelDto> CreateModelAsync(Guid manufacturerId, string name, CancellationToken cancellationToken = default);

    /// <summary>Renames a model.</summary>
    Task<VehicleModelDto> UpdateModelAsync(Guid modelId, string name, CancellationToken cancellationToken = default);

    /// <summary>Deletes a model without live variations (soft).</summary>
    Task DeleteModelAsync(Guid modelId, CancellationToken cancellationToken = default);

    /// <summary>Adds a variation to a model.</summary>
    Task<ModelVariationDto> CreateVariationAsync(Guid modelId, VariationInput input, CancellationToken cancellationToken = default);

    /// <summary>Changes a variation.</summary>
    Task<ModelVariationDto> UpdateVariationAsync(Guid variationId, VariationInput input, CancellationToken cancellationToken = default);

    /// <summary>Deletes a variation (soft).</summary>
    Task DeleteVariationAsync(Guid variationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a VIN prefix. Refusals: 400 <c>catalog.invalid_vin_prefix</c> (not 3–8 VIN characters),
    /// <c>catalog.invalid_years</c>, <c>catalog.hierarchy_mismatch</c> (a model of another maker, a variation of another
    /// model); 409 <c>catalog.vin_prefix_exists</c> for the same prefix and years.
    /// </summary>
    Task<VinPrefixDto> AddVinPrefixAsync(VinPrefixInput input, CancellationToken cancellationToken = default);

    /// <summary>Removes a VIN prefix.</summary>
    Task DeleteVinPrefixAsync(Guid vinPrefixId, CancellationToken cancellationToken = default);
}
