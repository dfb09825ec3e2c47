using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog.Schema;

/// <summary>A model line of a manufacturer (Accord, Golf).</summary>
internal sealed class VehicleModel : NamedEntity, ISoftDeletable, IVersioned
{
    public long ManufacturerId { get; set; }

    public Manufacturer? Manufacturer { get; set; }

    public DateTime? DeletedAt { get; set; }

    public uint Version { get; set; }
}

internal sealed class VehicleModelConfiguration : IEntityTypeConfiguration<VehicleModel>
{
    public void Configure(EntityTypeBuilder<VehicleModel> builder)
    {
        builder.ToTable("models");
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.Property(m => m.NormalizedName).HasMaxLength(100);
        builder.HasIndex(m => new { m.ManufacturerId, m.NormalizedName }).IsUnique().HasFilter("deleted_at IS NULL");
        builder.HasOne(m => m.Manufacturer).WithMany().HasForeignKey(m => m.ManufacturerId).OnDelete(DeleteBehavior.Restrict);
    }
}
