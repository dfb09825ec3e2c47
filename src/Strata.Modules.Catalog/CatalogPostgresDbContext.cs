using Microsoft.EntityFrameworkCore;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog;

internal sealed class CatalogPostgresDbContext(DbContextOptions options) : CatalogDbContext(options);

internal sealed class CatalogPostgresDesignTimeFactory : StrataDesignTimeFactory<CatalogModule, CatalogPostgresDbContext>;
