using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog.Schema;

/// <summary>
/// What the start of a VIN says: the world manufacturer identifier (3 characters), optionally followed by
/// vehicle-descriptor characters (up to 8 in all) that pin a model or a variation, for a span of model years.
/// </summary>
internal sealed class VinPrefix : StrataEntity
{
    public string Prefix { get; set; } = string.Empty;

    public long ManufacturerId { get; set; }

    public Manufacturer? Manufacturer { get; set; }

    public long? ModelId { get; set; }

    public VehicleModel? Model { get; set; }

    public long? VariationId { get; set; }

    public ModelVariation? Variation { get; set; }

    /// <summary>First model year the prefix applies to; null: since the beginning.</summary>
    public int? YearFrom { get; set; }

    /// <summary>Last model year; null: still in use.</summary>
    public int? YearTo { get; set; }
}

internal sealed class VinPrefixConfiguration : IEntityTypeConfiguration<VinPrefix>
{
    public void Configure(EntityTypeBuilder<VinPrefix> builder)
    {
        builder.ToTable("vin_prefixes", table => table.HasCheckConstraint("ck_vin_prefixes_prefix", "length(prefix) BETWEEN 3 AND 8"));
        builder.Property(p => p.Prefix).HasMaxLength(8);
        builder.HasIndex(p => p.Prefix);
        builder.HasOne(p => p.Manufacturer).WithMany().HasForeignKey(p => p.ManufacturerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Model).WithMany().HasForeignKey(p => p.ModelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Variation).WithMany().HasForeignKey(p => p.VariationId).OnDelete(DeleteBehavior.Restrict);
    }
}
