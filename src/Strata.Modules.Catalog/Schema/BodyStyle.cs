using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog.Schema;

/// <summary>Reference data: sedan, coupe, estate, …</summary>
internal sealed class BodyStyle : NamedEntity;

internal sealed class BodyStyleConfiguration : IEntityTypeConfiguration<BodyStyle>
{
    public void Configure(EntityTypeBuilder<BodyStyle> builder)
    {
        builder.ToTable("body_styles");
        builder.Property(b => b.Name).HasMaxLength(50);
        builder.Property(b => b.NormalizedName).HasMaxLength(50);
        builder.HasIndex(b => b.NormalizedName).IsUnique();
    }
}
