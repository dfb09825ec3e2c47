using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog.Schema;

/// <summary>
/// Two parts that replace each other. Symmetric, so a pair is stored once with the lower internal id first (CHECK),
/// which makes "no self-reference" and "no duplicate pair, either way round" plain constraints.
/// </summary>
internal sealed class PartAlternative : StrataEntity
{
    public const string Oem = "oem";
    public const string Aftermarket = "aftermarket";
    public const string Interchange = "interchange";

    public long LowPartId { get; set; }

    public Part? LowPart { get; set; }

    public long HighPartId { get; set; }

    public Part? HighPart { get; set; }

    public string Kind { get; set; } = Interchange;
}

internal sealed class PartAlternativeConfiguration : IEntityTypeConfiguration<PartAlternative>
{
    public void Configure(EntityTypeBuilder<PartAlternative> builder)
    {
        builder.ToTable("part_alternatives", table =>
        {
            table.HasCheckConstraint("ck_part_alternatives_order", "low_part_id < high_part_id");
            table.HasCheckConstraint("ck_part_alternatives_kind", "kind IN ('oem', 'aftermarket', 'interchange')");
        });
        builder.Property(a => a.Kind).HasMaxLength(16);
        builder.HasIndex(a => new { a.LowPartId, a.HighPartId }).IsUnique();
        builder.HasIndex(a => a.HighPartId);
        builder.HasOne(a => a.LowPart).WithMany().HasForeignKey(a => a.LowPartId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.HighPart).WithMany().HasForeignKey(a => a.HighPartId).OnDelete(DeleteBehavior.Cascade);
    }
}
