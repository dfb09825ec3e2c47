using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog.Schema;

/// <summary>A node of the part category tree (Brakes › Brake pads).</summary>
internal sealed class PartCategory : NamedEntity
{
    public long? ParentId { get; set; }

    public PartCategory? Parent { get; set; }
}

internal sealed class PartCategoryConfiguration : IEntityTypeConfiguration<PartCategory>
{
    public void Configure(EntityTypeBuilder<PartCategory> builder)
    {
        builder.ToTable("part_categories");
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.NormalizedName).HasMaxLength(100);
        // Sibling names are unique; NULLs are distinct in a unique index, so roots need their own partial one.
        builder.HasIndex(c => new { c.ParentId, c.NormalizedName }).IsUnique();
        builder.HasIndex(c => c.NormalizedName).IsUnique().HasFilter("parent_id IS NULL").HasDatabaseName("ux_part_categories_root_normalized_name");
        builder.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
