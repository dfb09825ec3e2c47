using Microsoft.EntityFrameworkCore;
using Strata.Data.Repositories;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Repositories;

internal sealed class ModelVariationRepository(CatalogDbContext context) : Repository<ModelVariation>(context)
{
    protected override SortMap<ModelVariation> Sorts { get; } = new SortMap<ModelVariation>("yearFrom").Add("yearFrom", v => v.YearFrom);

    protected override string ResourceName => "variation";

    /// <summary>The body style with this name (any case), or null.</summary>
    public Task<BodyStyle?> FindBodyStyleAsync(string normalizedName, CancellationToken cancellationToken) =>
        context.BodyStyles.AsNoTracking().FirstOrDefaultAsync(b => b.NormalizedName == normalizedName, cancellationToken);

    /// <summary>The body style names of these ids, in one command.</summary>
    public async Task<Dictionary<long, string>> BodyStyleNamesAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await context.BodyStyles.AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
}
