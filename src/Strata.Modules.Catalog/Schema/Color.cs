using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog.Schema;

/// <summary>Reference data: a paint colour and its sRGB value.</summary>
internal sealed class Color : NamedEntity
{
    /// <summary><c>#RRGGBB</c>, upper-case.</summary>
    public string Hex { get; set; } = "#000000";
}

internal sealed class ColorConfiguration : IEntityTypeConfiguration<Color>
{
    public void Configure(EntityTypeBuilder<Color> builder)
    {
        builder.ToTable("colors", table => table.HasCheckConstraint("ck_colors_hex", "length(hex) = 7 AND substr(hex, 1, 1) = '#'"));
        builder.Property(c => c.Name).HasMaxLength(50);
        builder.Property(c => c.NormalizedName).HasMaxLength(50);
        builder.Property(c => c.Hex).HasMaxLength(7);
        builder.HasIndex(c => c.NormalizedName).IsUnique();
    }
}
