using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Strata.Data.Conventions;
using Strata.Data.Errors;
using Strata.Data.Repositories;
using Strata.Data.Sessions;
using Strata.Modules.Catalog.Repositories;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Services;

/// <inheritdoc />
internal sealed partial class VehicleCatalog(
    DatabaseSession database,
    ManufacturerRepository manufacturers,
    VehicleModelRepository models,
    ModelVariationRepository variations,
    VinPrefixRepository prefixes,
    HierarchyAuditWriter audit) : IVehicleCatalog
{
    private const string ManufacturerEntity = "manufacturer";
    private const string ModelEntity = "model";
    private const string VariationEntity = "variation";

    public async Task<KeysetPage<ManufacturerDto>> ListManufacturersAsync(KeysetRequest request, string? search = null, CancellationToken cancellationToken = default) =>
        (await manufacturers.KeysetPageAsync(request, search: search is null ? null : TextNormalization.Normalize(search), cancellationToken: cancellationToken)).Map(ToDto);

    public async Task<KeysetPage<VehicleModelDto>> ListModelsAsync(Guid manufacturerId, KeysetRequest request, CancellationToken cancellationToken = default)
    {
        var manufacturer = await manufacturers.GetByPublicIdAsync(manufacturerId, cancellationToken);
        return (await models.KeysetPageAsync(request, m => m.ManufacturerId == manufacturer.Id, cancellationToken: cancellationToken)).Map(m => ToDto(m, manufacturerId));
    }

    public async Task<KeysetPage<ModelVariationDto>> ListVariationsAsync(Guid modelId, KeysetRequest request, CancellationToken cancellationToken = default)
    {
        var model = await models.GetByPublicIdAsync(modelId, cancellationToken);
        var page = await variations.KeysetPageAsync(request, v => v.ModelId == model.Id, cancellationToken: cancellationToken);
        var bodyStyles = await variations.BodyStyleNamesAsync([.. page.Items.Where(v => v.BodyStyleId != null).Select(v => v.BodyStyleId!.Value).Distinct()], cancellationToken);
        var categories = await variations.CategoryNamesAsync([.. page.Items.Select(v => v.Id)], cancellationToken);
        return page.Map(v => ToDto(v, modelId, v.BodyStyleId is { } id ? bodyStyles[id] : null, [.. categories[v.Id]]));
    }

    public Task<ManufacturerDto> CreateManufacturerAsync(ManufacturerInput input, CancellationToken cancellationToken = default)
    {
        Check(input);
        return database.InTransactionAsync(async token =>
        {
            var manufacturer = await CatalogRules.SaveNamedAsync(() => manufacturers.AddAsync(new Manufacturer { Name = input.Name, Country = input.Country }, token));
            var after = ToDto(manufacturer);
            await audit.RecordAsync(ManufacturerEntity, manufacturer.PublicId, "created", null, after, token);
            return after;
        }, cancellationToken: cancellationToken);
    }

    public Task<ManufacturerDto> UpdateManufacturerAsync(Guid manufacturerId, ManufacturerInput input, CancellationToken cancellationToken = default)
    {
        Check(input);
        return database.InTransactionAsync(async token =>
        {
            var manufacturer = await manufacturers.GetTrackedAsync(manufacturerId, token);
            var before = ToDto(manufacturer);
            manufacturer.Name = input.Name;
            manufacturer.Country = input.Country;
            await CatalogRules.SaveNamedAsync(() => manufacturers.UpdateAsync(manufacturer, token));
            var after = ToDto(manufacturer);
            await audit.RecordAsync(ManufacturerEntity, manufacturerId, "updated", before, after, token);
            return after;
        }, cancellationToken: cancellationToken);
    }

    public Task DeleteManufacturerAsync(Guid manufacturerId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var manufacturer = await manufacturers.GetTrackedAsync(manufacturerId, token);
            if (await manufacturers.HasDependantsAsync(manufacturer.Id, token))
            {
                throw HasChildren("manufacturer", "models or parts");
            }

            var before = ToDto(manufacturer);
            await manufacturers.SoftDeleteAsync(manufacturer, token);
            await audit.RecordAsync(ManufacturerEntity, manufacturerId, "deleted", before, null, token);
        }, cancellationToken: cancellationToken);

    public Task<VehicleModelDto> CreateModelAsync(Guid manufacturerId, string name, CancellationToken cancellationToken = default)
    {
        CatalogRules.CheckName(name);
        return database.InTransactionAsync(async token =>
        {
            var manufacturer = await manufacturers.GetByPublicIdAsync(manufacturerId, token);
            var model = await CatalogRules.SaveNamedAsync(() => models.AddAsync(new VehicleModel { ManufacturerId = manufacturer.Id, Name = name }, token));
            var after = ToDto(model, manufacturerId);
            await audit.RecordAsync(ModelEntity, model.PublicId, "created", null, after, token);
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
            var before = ToDto(model, manufacturerId);
            model.Name = name;
            await CatalogRules.SaveNamedAsync(() => models.UpdateAsync(model, token));
            var after = ToDto(model, manufacturerId);
            await audit.RecordAsync(ModelEntity, modelId, "updated", before, after, token);
            return after;
        }, cancellationToken: cancellationToken);
    }

    public Task DeleteModelAsync(Guid modelId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var model = await models.GetTrackedAsync(modelId, token);
            if (await variations.ExistsAsync(v => v.ModelId == model.Id, token))
            {
                throw HasChildren("model", "variations");
            }

            var before = ToDto(model, await manufacturers.GetPublicIdAsync(model.ManufacturerId, token));
            await models.SoftDeleteAsync(model, token);
            await audit.RecordAsync(ModelEntity, modelId, "deleted", before, null, token);
        }, cancellationToken: cancellationToken);

    public Task<ModelVariationDto> CreateVariationAsync(Guid modelId, VariationInput input, CancellationToken cancellationToken = default)
    {
        Check(input);
        return database.InTransactionAsync(async token =>
        {
            var model = await models.GetByPublicIdAsync(modelId, token);
            var variation = new ModelVariation { ModelId = model.Id };
            var bodyStyle = await ApplyAsync(variation, input, token);
            await variations.AddAsync(variation, token);
            var categories = await SetCategoriesAsync(variation, input.Categories ?? [], token);
            var after = ToDto(variation, modelId, bodyStyle, categories);
            await audit.RecordAsync(VariationEntity, variation.PublicId, "created", null, after, token);
            return after;
        }, cancellationToken: cancellationToken);
    }

    public Task<ModelVariationDto> UpdateVariationAsync(Guid variationId, VariationInput input, CancellationToken cancellationToken = default)
    {
        Check(input);
        return database.InTransactionAsync(async token =>
        {
            var variation = await variations.GetTrackedAsync(variationId, token);
            var modelId = await models.GetPublicIdAsync(variation.ModelId, token);
            var current = (await variations.CategoryNamesAsync([variation.Id], token))[variation.Id].ToList();
            var before = ToDto(variation, modelId, variation.BodyStyleId is { } id ? (await variations.BodyStyleNamesAsync([id], token))[id] : null, current);
            var bodyStyle = await ApplyAsync(variation, input, token);
            await variations.UpdateAsync(variation, token);
            var categories = input.Categories is null ? current : await SetCategoriesAsync(variation, input.Categories, token);
            var after = ToDto(variation, modelId, bodyStyle, categories);
            await audit.RecordAsync(VariationEntity, variationId, "updated", before, after, token);
            return after;
        }, cancellationToken: cancellationToken);
    }

    public Task DeleteVariationAsync(Guid variationId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var variation = await variations.GetTrackedAsync(variationId, token);
            var before = ToDto(variation, await models.GetPublicIdAsync(variation.ModelId, token), null,
                [.. (await variations.CategoryNamesAsync([variation.Id], token))[variation.Id]]);
            await variations.SoftDeleteAsync(variation, token);
            await audit.RecordAsync(VariationEntity, variationId, "deleted", before, null, token);
        }, cancellationToken: cancellationToken);

    public Task<VinPrefixDto> AddVinPrefixAsync(VinPrefixInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var prefix = (input.Prefix ?? string.Empty).Trim().ToUpperInvariant();
        if (prefix.Length is < CatalogLimits.VinPrefixMinLength or > CatalogLimits.VinPrefixMaxLength || !prefix.All(VinNumbers.IsVinCharacter))
        {
            throw new ValidationError("catalog.invalid_vin_prefix", "prefix",
                $"A VIN prefix is {CatalogLimits.VinPrefixMinLength} to {CatalogLimits.VinPrefixMaxLength} VIN characters (letters and digits, no I, O or Q).");
        }

        if (input.YearFrom is < CatalogLimits.FirstVinModelYear or > CatalogLimits.LastModelYear
            || input.YearTo is < CatalogLimits.FirstVinModelYear or > CatalogLimits.LastModelYear || input.YearTo < input.YearFrom)
        {
            throw new ValidationError("catalog.invalid_years", "yearFrom",
                $"Model years run from {CatalogLimits.FirstVinModelYear} (the 17-character VIN) to {CatalogLimits.LastModelYear}, first before last.");
        }

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

    private static ManufacturerDto ToDto(Manufacturer m) => new(m.PublicId, m.Name, m.Country, m.CreatedAt, m.UpdatedAt);

    private static VehicleModelDto ToDto(VehicleModel m, Guid manufacturerId) => new(m.PublicId, manufacturerId, m.Name, m.CreatedAt, m.UpdatedAt);

    private static ModelVariationDto ToDto(ModelVariation v, Guid modelId, string? bodyStyle, IReadOnlyList<string> categories) =>
        new(v.PublicId, modelId, v.YearFrom, v.YearTo, v.Trim, v.Engine, bodyStyle, categories);


    private static void Check(ManufacturerInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CatalogRules.CheckName(input.Name);
        if (input.Country is not null && !CountryCode().IsMatch(input.Country))
        {
            throw new ValidationError("catalog.invalid_country", "country", "The country is an ISO 3166-1 alpha-2 code: two upper-case letters.");
        }
    }

    private static void Check(VariationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.YearFrom is < CatalogLimits.FirstModelYear or > CatalogLimits.LastModelYear)
        {
            throw new ValidationError("catalog.invalid_years", "yearFrom",
                $"The first model year must be between {CatalogLimits.FirstModelYear} and {CatalogLimits.LastModelYear}.");
        }

        if (input.YearTo is { } to && (to < input.YearFrom || to > CatalogLimits.LastModelYear))
        {
            throw new ValidationError("catalog.invalid_years", "yearTo", $"The last model year must be between the first one and {CatalogLimits.LastModelYear}.");
        }

        if (input.Trim?.Length > 100 || input.Engine?.Length > 100)
        {
            throw new ValidationError("catalog.invalid_variation", input.Trim?.Length > 100 ? "trim" : "engine", "Trim and engine are at most 100 characters.");
        }
    }

    private static ValidationError HierarchyMismatch() =>
        new("catalog.hierarchy_mismatch", "modelId", "The model must be the manufacturer's, and the variation the model's.");

    private static ConflictError HasChildren(string what, string children) =>
        new("catalog.has_children", $"The {what} still has live {children}; delete them first.");


    private async Task<IReadOnlyList<string>> SetCategoriesAsync(ModelVariation variation, IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        await variations.SetCategoriesAsync(variation.Id, names, cancellationToken)
            ?? throw new ValidationError("catalog.unknown_variation_category", "categories", "Every category must be one of the reference variation categories.");

    private async Task<string?> ApplyAsync(ModelVariation variation, VariationInput input, CancellationToken cancellationToken)
    {
        variation.YearFrom = input.YearFrom;
        variation.YearTo = input.YearTo;
        variation.Trim = input.Trim?.Trim();
        variation.Engine = input.Engine?.Trim();
        if (input.BodyStyle is null)
        {
            variation.BodyStyleId = null;
            return null;
        }

        var bodyStyle = await variations.FindBodyStyleAsync(TextNormalization.Normalize(input.BodyStyle), cancellationToken)
            ?? throw new ValidationError("catalog.unknown_body_style", "bodyStyle", $"There is no body style '{input.BodyStyle}'.");
        variation.BodyStyleId = bodyStyle.Id;
        return bodyStyle.Name;
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
