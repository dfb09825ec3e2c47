using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Strata.Data.Configuration;
using Strata.Data.Modules;

namespace Strata.Data.Conventions;

/// <summary>
/// Lets <c>dotnet ef</c> create a module's per-provider context with the same options as at run time.
/// Declare one per provider subclass: <c>class WidgetsSqliteDesignTimeFactory : StrataDesignTimeFactory&lt;WidgetsModule, WidgetsSqliteDbContext&gt;</c>.
/// The connection string comes from <c>STRATA_DESIGN_CONNECTION</c> when set; generating migrations needs no live database.
/// </summary>
/// <typeparam name="TModule">The module owning the context.</typeparam>
/// <typeparam name="TContext">The per-provider context.</typeparam>
public abstract class StrataDesignTimeFactory<TModule, TContext> : IDesignTimeDbContextFactory<TContext>
    where TModule : IStrataModule, new()
    where TContext : StrataDbContext
{
    /// <inheritdoc />
    public TContext CreateDbContext(string[] args)
    {
        var module = new TModule();
        var provider = module.Contexts.Postgres == typeof(TContext) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var connectionString = Environment.GetEnvironmentVariable("STRATA_DESIGN_CONNECTION")
            ?? (provider == DatabaseProvider.Postgres ? "Host=localhost;Database=strata_design" : "Data Source=strata-design.db");
        var builder = new DbContextOptionsBuilder();
        StrataContextOptions.Configure(builder, provider, module, 30, connectionString);
        return (TContext)Activator.CreateInstance(typeof(TContext), builder.Options)!;
    }
}
