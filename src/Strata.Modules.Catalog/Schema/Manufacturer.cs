using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog.Schema;

/// <summary>A vehicle maker (Honda, Volkswagen): the top of the vehicle hierarchy.</summary>
internal sealed class Manufacturer : NamedEntity, ISoftDeletable, IVersioned
{
    /// <summary>ISO 3166-1 alpha-2 country of the maker's seat, when known.</summary>
    public string? Country { get; set; }

    public DateTime? DeletedAt { get; set; }

    public uint Version { get; set; }
}

internal sealed class ManufacturerConfiguration : IEntityTypeConfiguration<Manufacturer>
{
    public void Configure(EntityTypeBuilder<Manufacturer> builder)
    {
        builder.ToTable("manufacturers", table => table.HasCheckConstraint("ck_manufacturers_country", "country IS NULL OR length(country) = 2"));
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.Property(m => m.NormalizedName).HasMaxLength(100);
        builder.Property(m => m.Country).HasMaxLength(2);
        builder.HasIndex(m => m.NormalizedName).IsUnique().HasFilter("deleted_at IS NULL");
    }
}
