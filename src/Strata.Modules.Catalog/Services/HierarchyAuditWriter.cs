using System.Text.Json;
using Strata.Data.Sessions;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Services;

/// <summary>Writes <c>vehicle_hierarchy_audit</c> rows in the caller's unit, so a change and its record commit together.</summary>
internal sealed class HierarchyAuditWriter(CatalogDbContext context, DatabaseSession database, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task RecordAsync(string entityType, Guid entityId, string action, object? before, object? after, CancellationToken cancellationToken)
    {
        context.HierarchyAudit.Add(new VehicleHierarchyAudit
        {
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            ActorId = database.Tenant.UserId,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
            OccurredAt = clock.GetUtcNow().UtcDateTime,
        });
        return context.SaveChangesAsync(cancellationToken);
    }
}
