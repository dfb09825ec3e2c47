using Strata.Data.Conventions;
using Strata.Data.Errors;
using Strata.Data.Repositories;
using Strata.Data.Sessions;
using Strata.Modules.Catalog.Repositories;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Services;

/// <inheritdoc />
internal sealed class ModelVariationCatalog(
    DatabaseSession database,
    VehicleModelRepository models,
    ModelVariationRepository variations,
    HierarchyAuditWriter audit) : IModelVariationCatalog
{
    private const string AuditEntity = "variation";

    public async Task<KeysetPage<ModelVariationDto>> ListVariationsAsync(Guid modelId, KeysetRequest request, CancellationToken cancellationToken = default)
    {
        var model = await models.GetByPublicIdAsync(modelId, cancellationToken);
        var page = await variations.KeysetPageAsync(request, v => v.ModelId == model.Id, cancellationToken: cancellationToken);
        var bodyStyles = await variations.BodyStyleNamesAsync([.. page.Items.Where(v => v.BodyStyleId != null).Select(v => v.BodyStyleId!.Value).Distinct()], cancellationToken);
        var categories = await variations.CategoryNamesAsync([.. page.Items.Select(v => v.Id)], cancellationToken);
        return page.Map(v => v.ToDto(modelId, v.BodyStyleId is { } id ? bodyStyles[id] : null, [.. categories[v.Id]]));
    }

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
            var after = variation.ToDto(modelId, bodyStyle, categories);
            await audit.RecordAsync(AuditEntity, variation.PublicId, "created", null, after, token);
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
            var before = variation.ToDto(modelId, variation.BodyStyleId is { } id ? (await variations.BodyStyleNamesAsync([id], token))[id] : null, current);
            var bodyStyle = await ApplyAsync(variation, input, token);
            await variations.UpdateAsync(variation, token);
            var categories = input.Categories is null ? current : await SetCategoriesAsync(variation, input.Categories, token);
            var after = variation.ToDto(modelId, bodyStyle, categories);
            await audit.RecordAsync(AuditEntity, variationId, "updated", before, after, token);
            return after;
        }, cancellationToken: cancellationToken);
    }

    public Task DeleteVariationAsync(Guid variationId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var variation = await variations.GetTrackedAsync(variationId, token);
            var before = variation.ToDto(await models.GetPublicIdAsync(variation.ModelId, token), null,
                [.. (await variations.CategoryNamesAsync([variation.Id], token))[variation.Id]]);
            await variations.SoftDeleteAsync(variation, token);
            await audit.RecordAsync(AuditEntity, variationId, "deleted", before, null, token);
        }, cancellationToken: cancellationToken);

    private static void Check(VariationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!CatalogInput.IsVariationYearFrom(input.YearFrom))
        {
            throw new ValidationError("catalog.invalid_years", "yearFrom", CatalogInput.VariationYearFromRule);
        }

        if (!CatalogInput.IsVariationYearTo(input.YearFrom, input.YearTo))
        {
            throw new ValidationError("catalog.invalid_years", "yearTo", CatalogInput.VariationYearToRule);
        }

        if (!CatalogInput.IsVariationDetail(input.Trim) || !CatalogInput.IsVariationDetail(input.Engine))
        {
            throw new ValidationError("catalog.invalid_variation", CatalogInput.IsVariationDetail(input.Trim) ? "engine" : "trim", CatalogInput.VariationDetailRule);
        }
    }

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
}
