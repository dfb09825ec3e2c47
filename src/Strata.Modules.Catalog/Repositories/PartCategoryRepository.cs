using Microsoft.EntityFrameworkCore;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Data.Repositories;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Repositories;

internal sealed class PartCategoryRepository(CatalogDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<PartCategory>(context, cursors, clock)
{
    protected override string ResourceName => "category";

    public async Task<IReadOnlyList<PartCategory>> AllAsync(CancellationToken cancellationToken) =>
        await Query.OrderBy(c => c.NormalizedName).ToListAsync(cancellationToken);

    /// <summary>True while sub-categories, parts (deleted ones included: they keep their category) or fitments use it.</summary>
    public async Task<bool> HasDependantsAsync(long categoryId, CancellationToken cancellationToken) =>
        await Query.AnyAsync(c => c.ParentId == categoryId, cancellationToken)
        || await context.Parts.IgnoreQueryFilters([StrataQueryFilters.SoftDelete]).AnyAsync(p => p.CategoryId == categoryId, cancellationToken)
        || await context.Fitments.AnyAsync(f => f.CategoryId == categoryId, cancellationToken);
}
