using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog.Schema;

/// <summary>Reference data: sedan, coupe, estate, …</summary>
internal sealed class BodyStyle : StrataEntity
{
    private string _name = string.Empty;

    public string Name
    {
        get => _name;
        set
        {
            _name = value.Trim();
            NormalizedName = TextNormalization.Normalize(value);
        }
    }

    public string NormalizedName { get; private set; } = string.Empty;
}

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
