using Microsoft.EntityFrameworkCore;
using Strata.Data.Conventions;

namespace Strata.TestModules.Widgets;

internal sealed class WidgetsPostgresDbContext(DbContextOptions options) : WidgetsDbContext(options);

internal sealed class WidgetsPostgresDesignTimeFactory : StrataDesignTimeFactory<WidgetsModule, WidgetsPostgresDbContext>;
