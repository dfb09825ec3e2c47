using System.Text.Json;
using Strata.Data.Events;
using Strata.Modules.Auth.Events;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Services;

/// <summary>Writes audit events to <c>audit_log</c> in the publisher's transaction.</summary>
internal sealed class AuditLogWriter(AuthDbContext context, TimeProvider clock) : IDomainEventHandler<AuditEvent>
{
    public async Task HandleAsync(AuditEvent domainEvent, CancellationToken cancellationToken)
    {
        context.AuditLog.Add(new AuditLogEntry
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            ActorId = domainEvent.ActorId,
            Action = domainEvent.Action,
            Target = domainEvent.Target,
            Outcome = domainEvent.Outcome,
            Ip = domainEvent.Ip,
            UserAgent = Truncate(domainEvent.UserAgent, 512),
            Metadata = JsonSerializer.Serialize(domainEvent.Metadata ?? new Dictionary<string, string>()),
        });
        await context.SaveChangesAsync(cancellationToken);
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
