using Strata.Data.Errors;
using Strata.Data.Events;
using Strata.TestModules.Gadgets.Repositories;
using Strata.TestModules.Widgets.Events;

namespace Strata.TestModules.Gadgets;

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
