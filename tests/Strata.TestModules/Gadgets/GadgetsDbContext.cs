using Microsoft.EntityFrameworkCore;
using Strata.Data.Conventions;
using Strata.TestModules.Gadgets.Schema;

namespace Strata.TestModules.Gadgets;

internal abstract class GadgetsDbContext(DbContextOptions options) : StrataDbContext<GadgetsModule>(options)
{
    public DbSet<Gadget> Gadgets => Set<Gadget>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new GadgetConfiguration());

        // The SQLite twin of a row-level security policy: reads the context's instance member, never a service.
        modelBuilder.Entity<Gadget>().HasQueryFilter("Owner", g => g.OwnerUserId == null || g.OwnerUserId == CurrentUserId);
    }
}

internal sealed class GadgetsPostgresDbContext(DbContextOptions options) : GadgetsDbContext(options);

internal sealed class GadgetsSqliteDbContext(DbContextOptions options) : GadgetsDbContext(options);

internal sealed class GadgetsPostgresDesignTimeFactory : StrataDesignTimeFactory<GadgetsModule, GadgetsPostgresDbContext>;

internal sealed class GadgetsSqliteDesignTimeFactory : StrataDesignTimeFactory<GadgetsModule, GadgetsSqliteDbContext>;
