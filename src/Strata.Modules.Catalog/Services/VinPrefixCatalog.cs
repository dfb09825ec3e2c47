using Strata.Data.Errors;
using Strata.Data.Sessions;
using Strata.Modules.Catalog.Repositories;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Services;

/// <inheritdoc />
internal sealed class VinPrefixCatalog(
    DatabaseSession database,
    ManufacturerRepository manufacturers,
    VehicleModelRepository models,
    ModelVariationRepository variations,
    VinPrefixRepository prefixes) : IVinPrefixCatalog
{
    public Task<VinPrefixDto> AddVinPrefixAsync(VinPrefixInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!CatalogInput.IsVinPrefix(input.Prefix))
        {
            throw new ValidationError("catalog.invalid_vin_prefix", "prefix", CatalogInput.VinPrefixRule);
        }

        if (input.YearFrom is < CatalogLimits.FirstVinModelYear or > CatalogLimits.LastModelYear
            || input.YearTo is < CatalogLimits.FirstVinModelYear or > CatalogLimits.LastModelYear || input.YearTo < input.YearFrom)
        {
            throw new ValidationError("catalog.invalid_years", "yearFrom",
                $"Model years run from {CatalogLimits.FirstVinModelYear} (the 17-character VIN) to {CatalogLimits.LastModelYear}, first before last.");
        }

        var prefix = CatalogInput.NormalizeVinPrefix(input.Prefix);
        return database.InTransactionAsync(async token =>
        {
            var manufacturer = await manufacturers.GetByPublicIdAsync(input.ManufacturerId, token);
            var model = input.ModelId is { } modelId ? (VehicleModel?)await models.GetByPublicIdAsync(modelId, token) : null;
            var variation = input.VariationId is { } variationId ? await variations.GetByPublicIdAsync(variationId, token) : null;
            if (variation is not null)
            {
                // A variation names its model too; a model given alongside must be that one.
                var owner = await models.FindByIdAsync(variation.ModelId, token);
                model = model is null || model.Id == owner?.Id ? owner : throw HierarchyMismatch();
            }

            if (model is not null && model.ManufacturerId != manufacturer.Id)
            {
                throw HierarchyMismatch();
            }

            if (await prefixes.ExistsAsync(p => p.Prefix == prefix && p.YearFrom == input.YearFrom && p.YearTo == input.YearTo, token))
            {
                throw new ConflictError("catalog.vin_prefix_exists", "This prefix is already known for these years.", "prefix");
            }

            var row = await prefixes.AddAsync(new VinPrefix
            {
                Prefix = prefix, ManufacturerId = manufacturer.Id, ModelId = model?.Id, VariationId = variation?.Id, YearFrom = input.YearFrom, YearTo = input.YearTo,
            }, token);
            return new VinPrefixDto(row.PublicId, row.Prefix, manufacturer.PublicId, model?.PublicId, variation?.PublicId, row.YearFrom, row.YearTo);
        }, cancellationToken: cancellationToken);
    }

    public Task DeleteVinPrefixAsync(Guid vinPrefixId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token => await prefixes.RemoveAsync(await prefixes.GetTrackedAsync(vinPrefixId, token), token), cancellationToken: cancellationToken);

    private static ValidationError HierarchyMismatch() =>
        new("catalog.hierarchy_mismatch", "modelId", "The model must be the manufacturer's, and the variation the model's.");
}
