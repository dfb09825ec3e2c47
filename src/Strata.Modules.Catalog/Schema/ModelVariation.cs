using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog.Schema;

/// <summary>A variation of a model over a span of model years: trim, engine, body style.</summary>
internal sealed class ModelVariation : StrataEntity, ISoftDeletable, IVersioned
{
    public long ModelId { get; set; }

    public VehicleModel? Model { get; set; }

    public int YearFrom { get; set; }

    /// <summary>Last model year; null while still built.</summary>
    public int? YearTo { get; set; }

    public string? Trim { get; set; }

    public string? Engine { get; set; }

    public long? BodyStyleId { get; set; }

    public BodyStyle? BodyStyle { get; set; }

    public DateTime? DeletedAt { get; set; }

    public uint Version { get; set; }
}

internal sealed class ModelVariationConfiguration : IEntityTypeConfiguration<ModelVariation>
{
    public void Configure(EntityTypeBuilder<ModelVariation> builder)
    {
        builder.ToTable("model_variations", table => table.HasCheckConstraint("ck_model_variations_years",
            "year_from BETWEEN 1886 AND 2100 AND (year_to IS NULL OR year_to BETWEEN year_from AND 2100)"));
        builder.Property(v => v.Trim).HasMaxLength(100);
        builder.Property(v => v.Engine).HasMaxLength(100);
        builder.HasIndex(v => new { v.ModelId, v.YearFrom });
        builder.HasOne(v => v.Model).WithMany().HasForeignKey(v => v.ModelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.BodyStyle).WithMany().HasForeignKey(v => v.BodyStyleId).OnDelete(DeleteBehavior.Restrict);
    }
}
