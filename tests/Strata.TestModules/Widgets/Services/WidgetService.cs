using Strata.Data.Events;
using Strata.Data.Sessions;
using Strata.TestModules.Widgets.Events;
using Strata.TestModules.Widgets.Repositories;

namespace Strata.TestModules.Widgets.Services;

internal sealed class WidgetService(DatabaseSession session, WidgetRepository widgets, IDomainEventPublisher events)
{
    public Task RetireAsync(Guid widgetId, CancellationToken cancellationToken) =>
        session.InTransactionAsync(async token =>
        {
            var widget = await widgets.GetTrackedAsync(widgetId, token);
            await widgets.SoftDeleteAsync(widget, token);
            await events.PublishAsync(new WidgetRetired(widgetId), token);
        }, cancellationToken: cancellationToken);
}
