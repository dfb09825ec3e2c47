using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog.Schema;

/// <summary>A canonical part name (Brake pad set, Oil filter) that parts of every maker share.</summary>
internal sealed class PartName : NamedEntity;

internal sealed class PartNameConfiguration : IEntityTypeConfiguration<PartName>
{
    public void Configure(EntityTypeBuilder<PartName> builder)
    {
        builder.ToTable("part_names");
        builder.Property(n => n.Name).HasMaxLength(100);
        builder.Property(n => n.NormalizedName).HasMaxLength(100);
        builder.HasIndex(n => n.NormalizedName).IsUnique();
    }
}
