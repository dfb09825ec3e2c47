using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.TestModules.Widgets.Schema;

internal sealed class Widget : StrataEntity, ISoftDeletable, IVersioned
{
    private string _name = string.Empty;

    public string Name
    {
        get => _name;
        set
        {
            _name = value;
            NormalizedName = TextNormalization.Normalize(value);
        }
    }

    public string NormalizedName { get; private set; } = string.Empty;

    public string? Description { get; set; }

    public int Quantity { get; set; }

    /// <summary>Added by the second migration, so tests can migrate and roll back between two.</summary>
    public string? Colour { get; set; }

    public long CategoryId { get; set; }

    public WidgetCategory? Category { get; set; }

    public DateTime? DeletedAt { get; set; }

    public uint Version { get; set; }
}

internal sealed class WidgetConfiguration : IEntityTypeConfiguration<Widget>
{
    public void Configure(EntityTypeBuilder<Widget> builder)
    {
        builder.ToTable("widgets", t => t.HasCheckConstraint("ck_widgets_quantity_not_negative", "quantity >= 0"));
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.Property(w => w.NormalizedName).HasMaxLength(200);
        builder.Property(w => w.Description).IsRequired(false);
        builder.HasIndex(w => w.NormalizedName).IsUnique().HasFilter("deleted_at IS NULL");
        builder.HasIndex(w => w.CreatedAt);
        builder.Property(w => w.Colour).HasMaxLength(30);
        builder.HasIndex(w => w.Colour);
        builder.HasOne(w => w.Category).WithMany().HasForeignKey(w => w.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
