using Microsoft.EntityFrameworkCore;
using Strata.Data.Conventions;
using Strata.TestModules.Widgets.Schema;

namespace Strata.TestModules.Widgets;

internal abstract class WidgetsDbContext(DbContextOptions options) : StrataDbContext<WidgetsModule>(options)
{
    public DbSet<Widget> Widgets => Set<Widget>();

    public DbSet<WidgetCategory> Categories => Set<WidgetCategory>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new WidgetCategoryConfiguration());
        modelBuilder.ApplyConfiguration(new WidgetConfiguration());
    }
}
