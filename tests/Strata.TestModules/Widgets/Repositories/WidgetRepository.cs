using System.Linq.Expressions;
using Strata.Data.Repositories;
using Strata.TestModules.Widgets.Schema;

namespace Strata.TestModules.Widgets.Repositories;

internal sealed class WidgetRepository(WidgetsDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<Widget>(context, cursors, clock)
{
    private static readonly SortMap<Widget> SortFields = new SortMap<Widget>("name")
        .Add("name", w => w.Name)
        .Add("quantity", w => w.Quantity)
        .Add("createdAt", w => w.CreatedAt)
        .Add("id", w => w.PublicId);

    protected override SortMap<Widget> Sorts => SortFields;

    protected override IReadOnlyList<Expression<Func<Widget, string>>> SearchFields => [w => w.Name];
}
