using Strata.Data.Conventions;
using Strata.Data.Errors;
using Strata.Data.Repositories;
using Strata.Data.Sessions;
using Strata.Modules.Catalog.Repositories;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Services;

/// <inheritdoc />
internal sealed class ManufacturerCatalog(DatabaseSession database, ManufacturerRepository manufacturers, HierarchyAuditWriter audit) : IManufacturerCatalog
{
    private const string AuditEntity = "manufacturer";

    public async Task<KeysetPage<ManufacturerDto>> ListManufacturersAsync(KeysetRequest request, string? search = null, CancellationToken cancellationToken = default) =>
        (await manufacturers.KeysetPageAsync(request, search: search is null ? null : TextNormalization.Normalize(search), cancellationToken: cancellationToken))
            .Map(m => m.ToDto());

    public Task<ManufacturerDto> CreateManufacturerAsync(ManufacturerInput input, CancellationToken cancellationToken = default)
    {
        Check(input);
        return database.InTransactionAsync(async token =>
        {
            var manufacturer = await CatalogRules.SaveNamedAsync(() => manufacturers.AddAsync(new Manufacturer { Name = input.Name, Country = input.Country }, token));
            var after = manufacturer.ToDto();
            await audit.RecordAsync(AuditEntity, manufacturer.PublicId, "created", null, after, token);
            return after;
        }, cancellationToken: cancellationToken);
    }

    public Task<ManufacturerDto> UpdateManufacturerAsync(Guid manufacturerId, ManufacturerInput input, CancellationToken cancellationToken = default)
    {
        Check(input);
        return database.InTransactionAsync(async token =>
        {
            var manufacturer = await manufacturers.GetTrackedAsync(manufacturerId, token);
            var before = manufacturer.ToDto();
            manufacturer.Name = input.Name;
            manufacturer.Country = input.Country;
            await CatalogRules.SaveNamedAsync(() => manufacturers.UpdateAsync(manufacturer, token));
            var after = manufacturer.ToDto();
            await audit.RecordAsync(AuditEntity, manufacturerId, "updated", before, after, token);
            return after;
        }, cancellationToken: cancellationToken);
    }

    public Task DeleteManufacturerAsync(Guid manufacturerId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var manufacturer = await manufacturers.GetTrackedAsync(manufacturerId, token);
            if (await manufacturers.HasDependantsAsync(manufacturer.Id, token))
            {
                throw CatalogRules.HasChildren("manufacturer", "models or parts");
            }

            var before = manufacturer.ToDto();
            await manufacturers.SoftDeleteAsync(manufacturer, token);
            await audit.RecordAsync(AuditEntity, manufacturerId, "deleted", before, null, token);
        }, cancellationToken: cancellationToken);

    private static void Check(ManufacturerInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CatalogRules.CheckName(input.Name);
        if (!CatalogInput.IsCountry(input.Country))
        {
            throw new ValidationError("catalog.invalid_country", "country", CatalogInput.CountryRule);
        }
    }
}
