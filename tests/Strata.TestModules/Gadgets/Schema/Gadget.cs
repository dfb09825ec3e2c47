using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.TestModules.Gadgets.Schema;

internal sealed class Gadget : StrataEntity
{
    public string Name { get; set; } = string.Empty;

    /// <summary>Cross-module reference: a widget's public id, no foreign key.</summary>
    public Guid? WidgetId { get; set; }

    public Guid? OwnerUserId { get; set; }

    /// <summary>A locked gadget refuses to lose its widget: the event handler fails and the whole unit rolls back.</summary>
    public bool IsLocked { get; set; }
}

internal sealed class GadgetConfiguration : IEntityTypeConfiguration<Gadget>
{
    public void Configure(EntityTypeBuilder<Gadget> builder)
    {
        builder.ToTable("gadgets");
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.HasIndex(g => g.WidgetId);
        builder.HasIndex(g => g.OwnerUserId);
    }
}
