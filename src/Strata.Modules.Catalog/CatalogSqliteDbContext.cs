using Microsoft.EntityFrameworkCore;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog;

internal sealed class CatalogSqliteDbContext(DbContextOptions options) : CatalogDbContext(options);

internal sealed class CatalogSqliteDesignTimeFactory : StrataDesignTimeFactory<CatalogModule, CatalogSqliteDbContext>;
