using Strata.Data.Errors;
using Strata.Data.Events;
using Strata.Data.Tests.Modules.Gadgets.Repositories;
using Strata.Data.Tests.Modules.Widgets.Events;

namespace Strata.Data.Tests.Modules.Gadgets;

internal sealed class DetachGadgetsFromRetiredWidget(GadgetRepository gadgets) : IDomainEventHandler<WidgetRetired>
{
    public async Task HandleAsync(WidgetRetired domainEvent, CancellationToken cancellationToken)
    {
        foreach (var gadget in await gadgets.ListTrackedForWidgetAsync(domainEvent.WidgetId, cancellationToken))
        {
            if (gadget.IsLocked)
            {
                throw new ConflictError("gadgets.locked", "A locked gadget still uses this widget.");
            }

            gadget.WidgetId = null;
        }
    }
}
