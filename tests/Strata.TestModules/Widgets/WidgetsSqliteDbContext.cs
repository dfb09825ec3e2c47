using Microsoft.EntityFrameworkCore;
using Strata.Data.Conventions;

namespace Strata.TestModules.Widgets;

internal sealed class WidgetsSqliteDbContext(DbContextOptions options) : WidgetsDbContext(options);

internal sealed class WidgetsSqliteDesignTimeFactory : StrataDesignTimeFactory<WidgetsModule, WidgetsSqliteDbContext>;
