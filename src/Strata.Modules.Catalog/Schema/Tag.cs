using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog.Schema;

/// <summary>A free label for parts (winter, performance, eco).</summary>
internal sealed class Tag : NamedEntity;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.ToTable("tags");
        builder.Property(t => t.Name).HasMaxLength(50);
        builder.Property(t => t.NormalizedName).HasMaxLength(50);
        builder.HasIndex(t => t.NormalizedName).IsUnique();
    }
}
