namespace Strata.Data.Events;

/// <summary>Something a module announces to others (<c>UserDeleted</c>). Events are how modules react to each other without reading each other's tables.</summary>
public interface IDomainEvent;

/// <summary>Reacts to <typeparamref name="TEvent"/> inside the publisher's transaction: a failure rolls back the whole unit.</summary>
/// <typeparam name="TEvent">The event handled.</typeparam>
public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    /// <summary>Handles the event.</summary>
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>Publishes domain events to their in-process handlers.</summary>
public interface IDomainEventPublisher
{
    /// <summary>
    /// Runs every handler of <typeparamref name="TEvent"/> in registration order, inside the current transaction
    /// (one is begun when none is open), so the publisher's changes and the handlers' commit or roll back together.
    /// </summary>
    Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken cancellationToken = default)
        where TEvent : IDomainEvent;
}
