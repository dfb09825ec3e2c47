using Strata.Data.Events;
using Strata.Modules.Auth.Events;

namespace Strata.Modules.Auth.Services;

/// <inheritdoc />
internal sealed class AuditTrail(IDomainEventPublisher events) : IAuditTrail
{
    public Task RecordAsync(
        string action, Guid? actorId, string? target, string outcome, ClientInfo client, CancellationToken cancellationToken,
        params (string Key, string Value)[] metadata)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(metadata);
        return events.PublishAsync(new AuditEvent(action, actorId, target, outcome, client.Ip, client.UserAgent,
            metadata.Length == 0 ? null : metadata.ToDictionary(m => m.Key, m => m.Value)), cancellationToken);
    }
}
