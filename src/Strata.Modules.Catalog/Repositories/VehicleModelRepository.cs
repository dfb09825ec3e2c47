using Microsoft.EntityFrameworkCore;
using Strata.Data.Repositories;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Repositories;

internal sealed class VehicleModelRepository(CatalogDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<VehicleModel>(context, cursors, clock)
{
    private static readonly SortMap<VehicleModel> SortFields = new SortMap<VehicleModel>("name").Add("name", m => m.NormalizedName);

    protected override SortMap<VehicleModel> Sorts => SortFields;

    protected override string ResourceName => "model";

    /// <summary>The live model with this internal id, or null.</summary>
    public Task<VehicleModel?> FindByIdAsync(long id, CancellationToken cancellationToken) => Query.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
}
