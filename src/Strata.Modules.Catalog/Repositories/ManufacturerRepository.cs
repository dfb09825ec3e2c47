using System.Linq.Expressions;
using Strata.Data.Repositories;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Repositories;

internal sealed class ManufacturerRepository(CatalogDbContext context) : Repository<Manufacturer>(context)
{
    protected override SortMap<Manufacturer> Sorts { get; } = new SortMap<Manufacturer>("name").Add("name", m => m.NormalizedName);

    protected override IReadOnlyList<Expression<Func<Manufacturer, string>>> SearchFields => [m => m.NormalizedName];
}
