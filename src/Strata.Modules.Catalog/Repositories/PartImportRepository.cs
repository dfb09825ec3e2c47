using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Strata.Data.Bulk;
using Strata.Data.Configuration;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Repositories;

/// <summary>
/// The set-based half of a part import, inside the caller's transaction: a temporary staging table the rows stream
/// into (binary COPY on PostgreSQL, a prepared insert on SQLite), duplicate keys found and dropped in SQL (so memory
/// stays flat however long the file), then one <c>INSERT … SELECT … ON CONFLICT DO UPDATE</c> into <c>parts</c> that
/// touches only rows whose content differs. The SQL is the same on both providers (SQLite 3.39+ knows
/// <c>IS DISTINCT FROM</c> and aggregate <c>FILTER</c>) but for table names and SQLite's row version.
/// </summary>
internal sealed class PartImportRepository(CatalogDbContext context)
{
    private const string StageName = "catalog_import_stage";

    // The columns a row carries, in staging order; the import fills BulkWriter.Values in this order.
    private static readonly BulkColumn[] StageColumns =
    [
        new("line", NpgsqlDbType.Bigint), new("manufacturer_id", NpgsqlDbType.Bigint), new("part_number", NpgsqlDbType.Text),
        new("normalized_part_number", NpgsqlDbType.Text), new("name", NpgsqlDbType.Text), new("category_id", NpgsqlDbType.Bigint),
        new("description", NpgsqlDbType.Text), new("attributes", NpgsqlDbType.Text), new("public_id", NpgsqlDbType.Uuid),
        new("ordinal", NpgsqlDbType.Bigint),
    ];

    // What an import may change of a part; a row equal to the stored part in all of them is "unchanged".
    private static readonly string[] ContentColumns = ["part_number", "name", "category_id", "description", "attributes"];

    private bool Postgres => context.Provider == DatabaseProvider.Postgres;

    // pg_temp: the session's own temporary schema, so no other table of that name can be meant.
    private string Stage => Postgres ? $"pg_temp.{StageName}" : $"temp.{StageName}";

    private string Parts => context.TableName<Part>();

    /// <summary>
    /// What rows name their maker and category by, in two commands: live manufacturers by normalized name and public
    /// id, and every category by public id and by its path of normalized names, root first, joined with <c> &gt; </c>.
    /// </summary>
    public async Task<ImportReferences> LoadReferencesAsync(CancellationToken cancellationToken)
    {
        var makers = await context.Manufacturers.AsNoTracking().Select(m => new { m.Id, m.PublicId, m.NormalizedName }).ToListAsync(cancellationToken);
        var categories = (await context.Categories.AsNoTracking().Select(c => new { c.Id, c.ParentId, c.PublicId, c.NormalizedName }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id);
        string PathOf(long id) => categories[id].ParentId is { } parent ? $"{PathOf(parent)}{ImportReferences.PathSeparator}{categories[id].NormalizedName}" : categories[id].NormalizedName;
        return new ImportReferences(
            makers.ToDictionary(m => m.NormalizedName, m => m.Id, StringComparer.Ordinal),
            makers.ToDictionary(m => m.PublicId, m => m.Id),
            // A path two categories share (a name holding " > ") names neither: such rows are refused, not guessed.
            categories.Values.GroupBy(c => PathOf(c.Id), StringComparer.Ordinal).Where(g => g.Count() == 1)
                .ToDictionary(g => g.Key, g => g.Single().Id, StringComparer.Ordinal),
            categories.Values.ToDictionary(c => c.PublicId, c => c.Id));
    }

    /// <inheritdoc cref="BulkTimeouts.LiftAsync"/>
    public Task<IDisposable> WithoutTimeoutsAsync(CancellationToken cancellationToken) => BulkTimeouts.LiftAsync(context, cancellationToken);

    /// <summary>
    /// Creates the staging table (dropped at commit on PostgreSQL — safe behind PgBouncer in transaction mode — and by
    /// <see cref="MergeAsync"/> on both) and opens a writer into it whose values go in <see cref="StageColumns"/> order:
    /// line, manufacturer id, part number, normalized part number, name, category id, description, attributes, public id,
    /// and the row's ordinal in the input (1, 2, 3, …: unique, where a caller of rows may repeat a line number).
    /// </summary>
    public async Task<BulkWriter> OpenStageAsync(CancellationToken cancellationToken)
    {
        var types = Postgres
            ? "line bigint NOT NULL, manufacturer_id bigint NOT NULL, part_number text NOT NULL, normalized_part_number text NOT NULL, name text NOT NULL, " +
              "category_id bigint NOT NULL, description text, attributes text NOT NULL, public_id uuid NOT NULL, ordinal bigint NOT NULL"
            : "line INTEGER NOT NULL, manufacturer_id INTEGER NOT NULL, part_number TEXT NOT NULL, normalized_part_number TEXT NOT NULL, name TEXT NOT NULL, " +
              "category_id INTEGER NOT NULL, description TEXT, attributes TEXT NOT NULL, public_id TEXT NOT NULL, ordinal INTEGER NOT NULL";
        // Dropped first: a unit that ran an import earlier in the same transaction (a test's ambient one) left it.
        await ExecuteAsync($"DROP TABLE IF EXISTS {Stage}; CREATE TEMP TABLE {StageName} ({types}){(Postgres ? " ON COMMIT DROP" : string.Empty)}", cancellationToken);
        return await BulkWriter.OpenAsync(context, Stage, StageColumns, cancellationToken);
    }

    /// <summary>
    /// Finds staged rows whose (manufacturer, normalized part number) an earlier row already has, answers the first
    /// <paramref name="report"/> of them (by line) and how many there are, and removes them from the stage: the first
    /// row of a key is the one imported. Rows are told apart by ordinal, not line.
    /// </summary>
    public async Task<(IReadOnlyList<DuplicateLine> First, long Count)> RemoveDuplicatesAsync(int report, CancellationToken cancellationToken)
    {
        var duplicates = $"SELECT line, ordinal, first_value(line) OVER (PARTITION BY manufacturer_id, normalized_part_number ORDER BY ordinal) AS original, " +
            $"row_number() OVER (PARTITION BY manufacturer_id, normalized_part_number ORDER BY ordinal) AS rank FROM {Stage}";
        var found = await QueryAsync<DuplicateLine>(
            $"SELECT line AS line, original AS original, count(*) OVER () AS total FROM ({duplicates}) d WHERE rank > 1 ORDER BY ordinal LIMIT {report}", cancellationToken);
        if (found.Count == 0)
        {
            return ([], 0);
        }

        await ExecuteAsync($"DELETE FROM {Stage} WHERE ordinal IN (SELECT ordinal FROM ({duplicates}) d WHERE rank > 1)", cancellationToken);
        return (found, found[0].Total);
    }

    /// <summary>
    /// Upserts the staged rows into <c>parts</c> by (manufacturer, normalized part number) among live parts, in line
    /// order (so new ids follow the file), changing only rows whose content differs, with <paramref name="now"/> as
    /// their <c>updated_at</c> (and <c>created_at</c> when new) and a new row version; drops the stage. Answers how
    /// many rows were inserted and updated; the rest of the stage was unchanged. On PostgreSQL imports take a
    /// transaction-scoped advisory lock first, so two imports never interleave and the counts are exact.
    /// </summary>
    public async Task<(long Inserted, long Updated)> MergeAsync(DateTime now, CancellationToken cancellationToken)
    {
        if (Postgres)
        {
            await ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('catalog.part_import'))", cancellationToken);
        }

        var differs = string.Join(" OR ", ContentColumns.Select(c => $"p.{c} IS DISTINCT FROM s.{c}"));
        var counts = await QueryAsync<MergeCounts>(
            $"SELECT count(*) FILTER (WHERE p.id IS NULL) AS inserted, count(*) FILTER (WHERE p.id IS NOT NULL AND ({differs})) AS updated " +
            $"FROM {Stage} s LEFT JOIN {Parts} p ON p.manufacturer_id = s.manufacturer_id AND p.normalized_part_number = s.normalized_part_number AND p.deleted_at IS NULL",
            cancellationToken);
        var (version, versionValue, versionUpdate) = Postgres ? ("", "", "") : (", version", ", 1", ", version = p.version + 1");
        var changed = string.Join(" OR ", ContentColumns.Select(c => $"p.{c} IS DISTINCT FROM excluded.{c}"));
        await ExecuteAsync(
            $"INSERT INTO {Parts} AS p (manufacturer_id, part_number, normalized_part_number, name, category_id, description, attributes, public_id, created_at, updated_at{version}) " +
            $"SELECT manufacturer_id, part_number, normalized_part_number, name, category_id, description, attributes, public_id, {{0}}, {{0}}{versionValue} FROM {Stage} s WHERE true ORDER BY ordinal " +
            "ON CONFLICT (manufacturer_id, normalized_part_number) WHERE deleted_at IS NULL DO UPDATE SET " +
            string.Join(", ", ContentColumns.Select(c => $"{c} = excluded.{c}")) + $", updated_at = excluded.updated_at{versionUpdate} " +
            $"WHERE {changed}; DROP TABLE {Stage}",
            cancellationToken, now);
        return (counts[0].Inserted, counts[0].Updated);
    }

    /// <summary>Drops the stage without merging it (an all-or-nothing import that rejected rows).</summary>
    public Task DropStageAsync(CancellationToken cancellationToken) => ExecuteAsync($"DROP TABLE IF EXISTS {Stage}", cancellationToken);

    // Every statement here is made of constants and the model's table names; the only value, a time, is a parameter.
    private Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] parameters) =>
        context.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);

    private Task<List<T>> QueryAsync<T>(string sql, CancellationToken cancellationToken) => context.Database.SqlQueryRaw<T>(sql).ToListAsync(cancellationToken);

    /// <summary>A staged line whose key <see cref="Original"/> already had; <see cref="Total"/> counts them all.</summary>
    internal sealed record DuplicateLine(long Line, long Original, long Total);

    private sealed record MergeCounts(long Inserted, long Updated);
}

/// <summary>The makers and categories an import resolves names and public ids against.</summary>
internal sealed record ImportReferences(
    IReadOnlyDictionary<string, long> ManufacturersByName,
    IReadOnlyDictionary<Guid, long> ManufacturersById,
    IReadOnlyDictionary<string, long> CategoriesByPath,
    IReadOnlyDictionary<Guid, long> CategoriesById)
{
    /// <summary>Between the names of a category path.</summary>
    public const string PathSeparator = " > ";
}
