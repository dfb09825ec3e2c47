using Microsoft.EntityFrameworkCore;
using Strata.Data.Repositories;
using Strata.TestModules.Gadgets.Schema;

namespace Strata.TestModules.Gadgets.Repositories;

internal sealed class GadgetRepository(GadgetsDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<Gadget>(context, cursors, clock)
{
    public Task<List<Gadget>> ListTrackedForWidgetAsync(Guid widgetId, CancellationToken cancellationToken) =>
        Set.Where(g => g.WidgetId == widgetId).ToListAsync(cancellationToken);
}
