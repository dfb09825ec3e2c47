using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Sessions;

namespace Strata.Data.Events;

/// <summary>Dispatches events to the scope's handlers inside the scope's transaction.</summary>
internal sealed class DomainEventPublisher(DatabaseSession session, IServiceProvider services) : IDomainEventPublisher
{
    public Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken cancellationToken = default)
        where TEvent : IDomainEvent
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return session.InTransactionAsync(async token =>
        {
            foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
            {
                await handler.HandleAsync(domainEvent, token);
            }
        }, cancellationToken: cancellationToken);
    }
}
