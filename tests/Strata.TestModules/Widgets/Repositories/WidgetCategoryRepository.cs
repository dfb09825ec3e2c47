using Microsoft.EntityFrameworkCore;
using Strata.Data.Conventions;
using Strata.Data.Repositories;
using Strata.TestModules.Widgets.Schema;

namespace Strata.TestModules.Widgets.Repositories;

internal sealed class WidgetCategoryRepository(WidgetsDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<WidgetCategory>(context, cursors, clock)
{
    public Task<WidgetCategory?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        var normalized = TextNormalization.Normalize(name);
        return Query.FirstOrDefaultAsync(c => c.NormalizedName == normalized, cancellationToken);
    }
}
