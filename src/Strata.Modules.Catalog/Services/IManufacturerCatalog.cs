using Strata.Data.Repositories;

namespace Strata.Modules.Catalog.Services;

/// <summary>
/// Vehicle manufacturers, the top of the hierarchy: reading them (keyset-paged) and writing them. Every write leaves a
/// <c>vehicle_hierarchy_audit</c> row in its unit, with the scope's user (none for the CLI) and the row before and
/// after. Refusals: 400 <c>catalog.invalid_name</c>, <c>catalog.invalid_country</c>; 404 <c>manufacturer.not_found</c>;
/// 409 <c>catalog.name_taken</c> and <c>catalog.has_children</c> (deleting one that live models or parts still hang from).
/// </summary>
public interface IManufacturerCatalog
{
    /// <summary>Manufacturers by name, optionally those whose name contains <paramref name="search"/>.</summary>
    Task<KeysetPage<ManufacturerDto>> ListManufacturersAsync(KeysetRequest request, string? search = null, CancellationToken cancellationToken = default);

    /// <summary>Adds a manufacturer.</summary>
    Task<ManufacturerDto> CreateManufacturerAsync(ManufacturerInput input, CancellationToken cancellationToken = default);

    /// <summary>Changes a manufacturer.</summary>
    Task<ManufacturerDto> UpdateManufacturerAsync(Guid manufacturerId, ManufacturerInput input, CancellationToken cancellationToken = default);

    /// <summary>Deletes a manufacturer without live models or parts (soft).</summary>
    Task DeleteManufacturerAsync(Guid manufacturerId, CancellationToken cancellationToken = default);
}
