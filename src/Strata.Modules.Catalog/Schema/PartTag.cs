using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog.Schema;

/// <summary>A tag on a part.</summary>
internal sealed class PartTag : StrataEntity
{
    public long PartId { get; set; }

    public Part? Part { get; set; }

    public long TagId { get; set; }

    public Tag? Tag { get; set; }
}

internal sealed class PartTagConfiguration : IEntityTypeConfiguration<PartTag>
{
    public void Configure(EntityTypeBuilder<PartTag> builder)
    {
        builder.ToTable("part_tags");
        builder.HasIndex(t => new { t.PartId, t.TagId }).IsUnique();
        builder.HasIndex(t => t.TagId);
        builder.HasOne(t => t.Part).WithMany().HasForeignKey(t => t.PartId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Tag).WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}
