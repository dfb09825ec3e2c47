using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog.Schema;

/// <summary>Which variation categories apply to which variation.</summary>
internal sealed class VariationCategoryLink : StrataEntity
{
    public long VariationId { get; set; }

    public ModelVariation? Variation { get; set; }

    public long CategoryId { get; set; }

    public VariationCategory? Category { get; set; }
}

internal sealed class VariationCategoryLinkConfiguration : IEntityTypeConfiguration<VariationCategoryLink>
{
    public void Configure(EntityTypeBuilder<VariationCategoryLink> builder)
    {
        builder.ToTable("model_variation_to_category");
        builder.HasIndex(l => new { l.VariationId, l.CategoryId }).IsUnique();
        builder.HasIndex(l => l.CategoryId);
        builder.HasOne(l => l.Variation).WithMany().HasForeignKey(l => l.VariationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Category).WithMany().HasForeignKey(l => l.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
