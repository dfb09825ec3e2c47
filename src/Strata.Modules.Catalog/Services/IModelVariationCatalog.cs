using Strata.Data.Repositories;

namespace Strata.Modules.Catalog.Services;

/// <summary>
/// A model's variations over model years, with body style and variation categories from the reference data: reading
/// them (keyset-paged) and writing them. Every write leaves a <c>vehicle_hierarchy_audit</c> row in its unit, with the
/// scope's user (none for the CLI) and the row before and after. Refusals: 400 <c>catalog.invalid_years</c>,
/// <c>catalog.invalid_variation</c>, <c>catalog.unknown_body_style</c>, <c>catalog.unknown_variation_category</c>; 404
/// <c>model.not_found</c>, <c>variation.not_found</c>.
/// </summary>
public interface IModelVariationCatalog
{
    /// <summary>A model's variations by first model year.</summary>
    Task<KeysetPage<ModelVariationDto>> ListVariationsAsync(Guid modelId, KeysetRequest request, CancellationToken cancellationToken = default);

    /// <summary>Adds a variation to a model.</summary>
    Task<ModelVariationDto> CreateVariationAsync(Guid modelId, VariationInput input, CancellationToken cancellationToken = default);

    /// <summary>Changes a variation.</summary>
    Task<ModelVariationDto> UpdateVariationAsync(Guid variationId, VariationInput input, CancellationToken cancellationToken = default);

    /// <summary>Deletes a variation (soft).</summary>
    Task DeleteVariationAsync(Guid variationId, CancellationToken cancellationToken = default);
}
