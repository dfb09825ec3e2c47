using Strata.Data.Repositories;
using Strata.Data.Sessions;
using Strata.Modules.Catalog.Repositories;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Services;

/// <inheritdoc />
internal sealed class VehicleModelCatalog(
    DatabaseSession database,
    ManufacturerRepository manufacturers,
    VehicleModelRepository models,
    ModelVariationRepository variations,
    HierarchyAuditWriter audit) : IVehicleModelCatalog
{
    private const string AuditEntity = "model";

    public async Task<KeysetPage<VehicleModelDto>> ListModelsAsync(Guid manufacturerId, KeysetRequest request, CancellationToken cancellationToken = default)
    {
        var manufacturer = await manufacturers.GetByPublicIdAsync(manufacturerId, cancellationToken);
        return (await models.KeysetPageAsync(request, m => m.ManufacturerId == manufacturer.Id, cancellationToken: cancellationToken)).Map(m => m.ToDto(manufacturerId));
    }

    public Task<VehicleModelDto> CreateModelAsync(Guid manufacturerId, string name, CancellationToken cancellationToken = default)
    {
        CatalogRules.CheckName(name);
        return database.InTransactionAsync(async token =>
        {
            var manufacturer = await manufacturers.GetByPublicIdAsync(manufacturerId, token);
            var model = await CatalogRules.SaveNamedAsync(() => models.AddAsync(new VehicleModel { ManufacturerId = manufacturer.Id, Name = name }, token));
            var after = model.ToDto(manufacturerId);
            await audit.RecordAsync(AuditEntity, model.PublicId, "created", null, after, token);
            return after;
        }, cancellationToken: cancellationToken);
    }

    public Task<VehicleModelDto> UpdateModelAsync(Guid modelId, string name, CancellationToken cancellationToken = default)
    {
        CatalogRules.CheckName(name);
        return database.InTransactionAsync(async token =>
        {
            var model = await models.GetTrackedAsync(modelId, token);
            var manufacturerId = await manufacturers.GetPublicIdAsync(model.ManufacturerId, token);
            var before = model.ToDto(manufacturerId);
            model.Name = name;
            await CatalogRules.SaveNamedAsync(() => models.UpdateAsync(model, token));
            var after = model.ToDto(manufacturerId);
            await audit.RecordAsync(AuditEntity, modelId, "updated", before, after, token);
            return after;
        }, cancellationToken: cancellationToken);
    }

    public Task DeleteModelAsync(Guid modelId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var model = await models.GetTrackedAsync(modelId, token);
            if (await variations.ExistsAsync(v => v.ModelId == model.Id, token))
            {
                throw CatalogRules.HasChildren("model", "variations");
            }

            var before = model.ToDto(await manufacturers.GetPublicIdAsync(model.ManufacturerId, token));
            await models.SoftDeleteAsync(model, token);
            await audit.RecordAsync(AuditEntity, modelId, "deleted", before, null, token);
        }, cancellationToken: cancellationToken);
}
