using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.TestModules.Widgets.Schema;

internal sealed class WidgetCategory : StrataEntity
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
}

internal sealed class WidgetCategoryConfiguration : IEntityTypeConfiguration<WidgetCategory>
{
    public void Configure(EntityTypeBuilder<WidgetCategory> builder)
    {
        builder.ToTable("categories");
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.NormalizedName).HasMaxLength(100);
        builder.HasIndex(c => c.NormalizedName).IsUnique();
    }
}
