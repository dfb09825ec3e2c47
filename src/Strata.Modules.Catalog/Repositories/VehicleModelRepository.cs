using Strata.Data.Repositories;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Repositories;

internal sealed class VehicleModelRepository(CatalogDbContext context) : Repository<VehicleModel>(context)
{
    protected override SortMap<VehicleModel> Sorts { get; } = new SortMap<VehicleModel>("name").Add("name", m => m.NormalizedName);

    protected override string ResourceName => "model";
}
