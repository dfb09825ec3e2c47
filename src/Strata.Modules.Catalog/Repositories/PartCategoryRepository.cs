using Microsoft.EntityFrameworkCore;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Data.Repositories;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Repositories;

internal sealed class PartCategoryRepository(CatalogDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<PartCategory>(context, cursors, clock)
{
    protected override string ResourceName => "category";

    public async Task<IReadOnlyList<PartCategory>> AllAsync(CancellationToken cancellationToken) =>
        await Query.OrderBy(c => c.NormalizedName).ToListAsync(cancellationToken);

    // WITH RECURSIVE reads the same on both providers; only the table's name differs.
    private const string PathSql = """
        WITH RECURSIVE path (id, parent_id, public_id, name, depth) AS (
            SELECT id, parent_id, public_id, name, 0 FROM {table} WHERE id = {0}
            UNION ALL
            SELECT c.id, c.parent_id, c.public_id, c.name, path.depth + 1 FROM {table} c JOIN path ON c.id = path.parent_id
        )
        SELECT public_id AS "Id", name AS "Name", depth AS "Depth" FROM path
        """;

    private static readonly string PostgresPathSql = PathSql.Replace("{table}", "catalog.part_categories", StringComparison.Ordinal);
    private static readonly string SqlitePathSql = PathSql.Replace("{table}", "catalog_part_categories", StringComparison.Ordinal);

    /// <summary>The category and its ancestors, root first: one recursive query, whatever the depth.</summary>
    public async Task<IReadOnlyList<CategoryStep>> PathAsync(long categoryId, CancellationToken cancellationToken)
    {
        var sql = context.Provider == DatabaseProvider.Postgres ? PostgresPathSql : SqlitePathSql;
        var steps = await context.Database.SqlQueryRaw<CategoryStep>(sql, categoryId).ToListAsync(cancellationToken);
        return [.. steps.OrderByDescending(s => s.Depth)];
    }

    /// <summary>True while sub-categories, parts (deleted ones included: they keep their category) or fitments use it.</summary>
    public async Task<bool> HasDependantsAsync(long categoryId, CancellationToken cancellationToken) =>
        await Query.AnyAsync(c => c.ParentId == categoryId, cancellationToken)
        || await context.Parts.IgnoreQueryFilters([StrataQueryFilters.SoftDelete]).AnyAsync(p => p.CategoryId == categoryId, cancellationToken)
        || await context.Fitments.AnyAsync(f => f.CategoryId == categoryId, cancellationToken);
}

/// <summary>One step of a category path.</summary>
internal sealed class CategoryStep
{
    public Guid Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public int Depth { get; set; }
}
