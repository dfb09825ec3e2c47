using Microsoft.EntityFrameworkCore;
using Strata.Data.Conventions;

namespace Strata.Data.Tests.Modules.Widgets;

internal sealed class WidgetsPostgresDbContext(DbContextOptions options) : WidgetsDbContext(options);

internal sealed class WidgetsPostgresDesignTimeFactory : StrataDesignTimeFactory<WidgetsModule, WidgetsPostgresDbContext>;
