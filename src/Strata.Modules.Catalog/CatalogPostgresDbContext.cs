using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Strata.Data.Conventions;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog;

internal sealed class CatalogPostgresDbContext(DbContextOptions options) : CatalogDbContext(options)
{
    /// <summary>The text search configuration of part search: <c>simple</c> with accents folded by <c>unaccent</c>.</summary>
    public const string SearchConfiguration = "catalog.part_search";

    /// <summary>The shadow property of the generated <c>search_vector</c> column.</summary>
    public const string SearchVector = "SearchVector";

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        base.ConfigureModel(modelBuilder);

        // Part search (docs/modules/catalog.md): these belong in the model, not in repeatable scripts, which run after
        // migrations and whose columns and indexes `verify` would report as drift. The text search configuration itself
        // has no EF model: the migration creates it by SQL before the column that names it.
        modelBuilder.HasPostgresExtension("pg_trgm").HasPostgresExtension("unaccent");
        modelBuilder.Entity<Part>(part =>
        {
            // A generated column cannot call unaccent() (not immutable); the configuration's unaccent dictionary folds
            // accents instead, and to_tsvector with a constant regconfig is immutable.
            part.Property<NpgsqlTsVector>(SearchVector)
                .HasComputedColumnSql(
                    "setweight(to_tsvector('catalog.part_search'::regconfig, coalesce(part_number, '')), 'A') || " +
                    "setweight(to_tsvector('catalog.part_search'::regconfig, coalesce(name, '')), 'B') || " +
                    "setweight(to_tsvector('catalog.part_search'::regconfig, coalesce(description, '')), 'C')",
                    stored: true);
            part.HasIndex(SearchVector).HasMethod("gin");
            part.HasIndex(p => p.NormalizedPartNumber).HasMethod("gin").HasOperators("gin_trgm_ops");
        });
    }
}

internal sealed class CatalogPostgresDesignTimeFactory : StrataDesignTimeFactory<CatalogModule, CatalogPostgresDbContext>;
