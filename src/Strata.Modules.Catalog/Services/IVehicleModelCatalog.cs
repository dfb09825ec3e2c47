using Strata.Data.Repositories;

namespace Strata.Modules.Catalog.Services;

/// <summary>
/// A manufacturer's model lines: reading them (keyset-paged) and writing them. Every write leaves a
/// <c>vehicle_hierarchy_audit</c> row in its unit, with the scope's user (none for the CLI) and the row before and
/// after. Refusals: 400 <c>catalog.invalid_name</c>; 404 <c>manufacturer.not_found</c>, <c>model.not_found</c>; 409
/// <c>catalog.name_taken</c> and <c>catalog.has_children</c> (deleting one that live variations still hang from).
/// </summary>
public interface IVehicleModelCatalog
{
    /// <summary>A manufacturer's models by name.</summary>
    Task<KeysetPage<VehicleModelDto>> ListModelsAsync(Guid manufacturerId, KeysetRequest request, CancellationToken cancellationToken = default);

    /// <summary>Adds a model to a manufacturer.</summary>
    Task<VehicleModelDto> CreateModelAsync(Guid manufacturerId, string name, CancellationToken cancellationToken = default);

    /// <summary>Renames a model.</summary>
    Task<VehicleModelDto> UpdateModelAsync(Guid modelId, string name, CancellationToken cancellationToken = default);

    /// <summary>Deletes a model without live variations (soft).</summary>
    Task DeleteModelAsync(Guid modelId, CancellationToken cancellationToken = default);
}
