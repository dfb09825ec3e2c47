using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog.Schema;

/// <summary>
/// One change to the vehicle hierarchy (a manufacturer, model or variation created, updated or deleted), with its
/// actor and the row before and after as JSON. Append-only: the application role may not update or delete it.
/// </summary>
internal sealed class VehicleHierarchyAudit : StrataEntity
{
    public string EntityType { get; set; } = string.Empty;

    public Guid EntityId { get; set; }

    public string Action { get; set; } = string.Empty;

    /// <summary>The user who made the change; null for the CLI and seeders.</summary>
    public Guid? ActorId { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public DateTime OccurredAt { get; set; }
}

internal sealed class VehicleHierarchyAuditConfiguration : IEntityTypeConfiguration<VehicleHierarchyAudit>
{
    public void Configure(EntityTypeBuilder<VehicleHierarchyAudit> builder)
    {
        builder.ToTable("vehicle_hierarchy_audit", table =>
        {
            table.HasCheckConstraint("ck_vehicle_hierarchy_audit_entity_type", "entity_type IN ('manufacturer', 'model', 'variation')");
            table.HasCheckConstraint("ck_vehicle_hierarchy_audit_action", "action IN ('created', 'updated', 'deleted')");
        });
        builder.Property(a => a.EntityType).HasMaxLength(16);
        builder.Property(a => a.Action).HasMaxLength(16);
        builder.HasIndex(a => new { a.EntityId, a.OccurredAt });
    }
}
