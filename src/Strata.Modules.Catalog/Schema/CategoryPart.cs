using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog.Schema;

/// <summary>
/// Fitment: a part fits a model variation, placed under a category of that vehicle (a wiper blade under
/// Body › Wipers for one variation and under Rear › Wipers for another).
/// </summary>
internal sealed class CategoryPart : StrataEntity
{
    public long CategoryId { get; set; }

    public PartCategory? Category { get; set; }

    public long PartId { get; set; }

    public Part? Part { get; set; }

    public long VariationId { get; set; }

    public ModelVariation? Variation { get; set; }

    /// <summary>Position or condition (front axle, from chassis 123456).</summary>
    public string? Note { get; set; }
}

internal sealed class CategoryPartConfiguration : IEntityTypeConfiguration<CategoryPart>
{
    public void Configure(EntityTypeBuilder<CategoryPart> builder)
    {
        builder.ToTable("category_parts");
        builder.Property(f => f.Note).HasMaxLength(200);
        builder.HasIndex(f => new { f.PartId, f.VariationId, f.CategoryId }).IsUnique();
        builder.HasIndex(f => f.VariationId);
        builder.HasIndex(f => f.CategoryId);
        builder.HasOne(f => f.Category).WithMany().HasForeignKey(f => f.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Part).WithMany().HasForeignKey(f => f.PartId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Variation).WithMany().HasForeignKey(f => f.VariationId).OnDelete(DeleteBehavior.Cascade);
    }
}
