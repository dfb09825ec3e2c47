using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Strata.Data.Repositories;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Repositories;

internal sealed class ManufacturerRepository(CatalogDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<Manufacturer>(context, cursors, clock)
{
    private static readonly SortMap<Manufacturer> SortFields = new SortMap<Manufacturer>("name").Add("name", m => m.NormalizedName);

    protected override SortMap<Manufacturer> Sorts => SortFields;

    protected override IReadOnlyList<Expression<Func<Manufacturer, string>>> SearchFields => [m => m.NormalizedName];

    /// <summary>True while live models or live parts belong to the manufacturer.</summary>
    public async Task<bool> HasDependantsAsync(long manufacturerId, CancellationToken cancellationToken) =>
        await context.Models.AnyAsync(m => m.ManufacturerId == manufacturerId, cancellationToken)
        || await context.Parts.AnyAsync(p => p.ManufacturerId == manufacturerId, cancellationToken);
}
