using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog.Schema;

/// <summary>Reference data: a class a model variation belongs to (passenger car, light commercial, hybrid, …).</summary>
internal sealed class VariationCategory : NamedEntity;

internal sealed class VariationCategoryConfiguration : IEntityTypeConfiguration<VariationCategory>
{
    public void Configure(EntityTypeBuilder<VariationCategory> builder)
    {
        builder.ToTable("model_variation_categories");
        builder.Property(c => c.Name).HasMaxLength(50);
        builder.Property(c => c.NormalizedName).HasMaxLength(50);
        builder.HasIndex(c => c.NormalizedName).IsUnique();
    }
}
