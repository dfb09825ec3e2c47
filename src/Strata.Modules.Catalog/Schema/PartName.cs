using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog.Schema;

/// <summary>A canonical part name (Brake pad set, Oil filter) that parts of every maker share.</summary>
internal sealed class PartName : StrataEntity
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
