using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Auth.Schema;

/// <summary>One security event (OWASP logging vocabulary). Append-only: the application role may only read and insert.</summary>
internal sealed class AuditLogEntry : StrataEntity
{
    public DateTime OccurredAt { get; set; }

    public Guid? ActorId { get; set; }

    public string Action { get; set; } = string.Empty;

    public string? Target { get; set; }

    public string Outcome { get; set; } = string.Empty;

    public string? Ip { get; set; }

    public string? UserAgent { get; set; }

    /// <summary>Extra facts as a JSON object (never secrets).</summary>
    public string Metadata { get; set; } = "{}";
}

internal sealed class AuditLogEntryConfiguration : IEntityTypeConfiguration<AuditLogEntry>
{
    public void Configure(EntityTypeBuilder<AuditLogEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Target).HasMaxLength(256);
        builder.Property(a => a.Outcome).HasMaxLength(32);
        builder.Property(a => a.Ip).HasMaxLength(64);
        builder.Property(a => a.UserAgent).HasMaxLength(512);
        builder.HasIndex(a => a.OccurredAt);
        builder.HasIndex(a => new { a.ActorId, a.OccurredAt });
        builder.HasIndex(a => new { a.Action, a.OccurredAt });
    }
}
