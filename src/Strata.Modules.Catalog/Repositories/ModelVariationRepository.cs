using Microsoft.EntityFrameworkCore;
using Strata.Data.Repositories;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Repositories;

internal sealed class ModelVariationRepository(CatalogDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<ModelVariation>(context, cursors, clock)
{
    private static readonly SortMap<ModelVariation> SortFields = new SortMap<ModelVariation>("yearFrom").Add("yearFrom", v => v.YearFrom);

    protected override SortMap<ModelVariation> Sorts => SortFields;

    protected override string ResourceName => "variation";

    /// <summary>The body style with this name (any case), or null.</summary>
    public Task<BodyStyle?> FindBodyStyleAsync(string normalizedName, CancellationToken cancellationToken) =>
        context.BodyStyles.AsNoTracking().FirstOrDefaultAsync(b => b.NormalizedName == normalizedName, cancellationToken);

    /// <summary>The body style names of these ids, in one command.</summary>
    public async Task<Dictionary<long, string>> BodyStyleNamesAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await context.BodyStyles.AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);

    /// <summary>The variation categories of these variations, by name, in one command.</summary>
    public async Task<ILookup<long, string>> CategoryNamesAsync(IReadOnlyCollection<long> variationIds, CancellationToken cancellationToken)
    {
        if (variationIds.Count == 0)
        {
            return Array.Empty<(long, string)>().ToLookup(x => x.Item1, x => x.Item2);
        }

        var ids = variationIds.ToArray();
        var rows = await (from link in context.VariationCategoryLinks
                          join category in context.VariationCategories on link.CategoryId equals category.Id
                          where ids.Contains(link.VariationId)
                          orderby category.NormalizedName
                          select new { link.VariationId, category.Name }).ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.VariationId, r => r.Name);
    }

    /// <summary>Replaces the variation's categories with those named (reference data); answers their names, or null for an unknown one.</summary>
    public async Task<IReadOnlyList<string>?> SetCategoriesAsync(long variationId, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var normalized = names.Select(Data.Conventions.TextNormalization.Normalize).Distinct().ToArray();
        var categories = await context.VariationCategories.Where(c => normalized.Contains(c.NormalizedName)).OrderBy(c => c.NormalizedName).ToListAsync(cancellationToken);
        if (categories.Count != normalized.Length)
        {
            return null;
        }

        await context.VariationCategoryLinks.Where(l => l.VariationId == variationId).ExecuteDeleteAsync(cancellationToken);
        context.VariationCategoryLinks.AddRange(categories.Select(c => new VariationCategoryLink { VariationId = variationId, CategoryId = c.Id }));
        await SaveAsync(cancellationToken);
        return [.. categories.Select(c => c.Name)];
    }
}
