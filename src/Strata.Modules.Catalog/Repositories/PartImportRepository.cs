using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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
    ];

    // What an import may change of a part; a row equal to the stored part in all of them is "unchanged".
    private static readonly string[] ContentColumns = ["part_number", "name", "category_id", "description", "attributes"];

    private bool Postgres => context.Provider == DatabaseProvider.Postgres;

    // pg_temp: the session's own temporary schema, so no other table of that name can be meant.
    private string Stage => Postgres ? $"pg_temp.{StageName}" : $"temp.{StageName}";

    private string Parts
    {
        get
        {
            var table = context.Model.FindEntityType(typeof(Part))!;
            return table.GetSchema() is { } schema ? $"{schema}.{table.GetTableName()}" : table.GetTableName()!;
        }
    }

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
            categories.Values.ToDictionary(c => PathOf(c.Id), c => c.Id, StringComparer.Ordinal),
            categories.Values.ToDictionary(c => c.PublicId, c => c.Id));
    }

    /// <summary>
    /// Creates the staging table (dropped at commit on PostgreSQL — safe behind PgBouncer in transaction mode — and by
    /// <see cref="MergeAsync"/> on both) and opens a writer into it whose values go in <see cref="StageColumns"/> order:
    /// line, manufacturer id, part number, normalized part number, name, category id, description, attributes, public id.
    /// </summary>
    public async Task<BulkWriter> OpenStageAsync(CancellationToken cancellationToken)
    {
        var types = Postgres
            ? "line bigint NOT NULL, manufacturer_id bigint NOT NULL, part_number text NOT NULL, normalized_part_number text NOT NULL, name text NOT NULL, " +
              "category_id bigint NOT NULL, description text, attributes text NOT NULL, public_id uuid NOT NULL"
            : "line INTEGER NOT NULL, manufacturer_id INTEGER NOT NULL, part_number TEXT NOT NULL, normalized_part_number TEXT NOT NULL, name TEXT NOT NULL, " +
              "category_id INTEGER NOT NULL, description TEXT, attributes TEXT NOT NULL, public_id TEXT NOT NULL";
        // Dropped first: a unit that ran an import earlier in the same transaction (a test's ambient one) left it.
        // statement_timeout lifted for this transaction only: the COPY lasts as long as the file takes to read, and the
        // upsert of a million rows into the indexed table takes minutes; the caller's cancellation still stops both.
        await ExecuteAsync(
            $"{(Postgres ? "SET LOCAL statement_timeout = 0; " : string.Empty)}DROP TABLE IF EXISTS {Stage}; CREATE TEMP TABLE {StageName} ({types}){(Postgres ? " ON COMMIT DROP" : string.Empty)}",
            cancellationToken);
        return await BulkWriter.OpenAsync(
            context.Database.GetDbConnection(), context.Database.CurrentTransaction?.GetDbTransaction(), Stage, StageColumns, cancellationToken);
    }

    /// <summary>
    /// Finds staged rows whose (manufacturer, normalized part number) an earlier line already has, answers the first
    /// <paramref name="report"/> of them (by line) and how many there are, and removes them from the stage: the first
    /// line of a key is the one imported.
    /// </summary>
    public async Task<(IReadOnlyList<DuplicateLine> First, long Count)> RemoveDuplicatesAsync(int report, CancellationToken cancellationToken)
    {
        var duplicates = $"SELECT line, min(line) OVER (PARTITION BY manufacturer_id, normalized_part_number) AS original FROM {Stage}";
        var found = await QueryAsync<DuplicateLine>(
            $"SELECT line AS line, original AS original, count(*) OVER () AS total FROM ({duplicates}) d WHERE line <> original ORDER BY line LIMIT {report}", cancellationToken);
        if (found.Count == 0)
        {
            return ([], 0);
        }

        await ExecuteAsync($"DELETE FROM {Stage} WHERE line IN (SELECT line FROM ({duplicates}) d WHERE line <> original)", cancellationToken);
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
            $"SELECT manufacturer_id, part_number, normalized_part_number, name, category_id, description, attributes, public_id, {{0}}, {{0}}{versionValue} FROM {Stage} s WHERE true ORDER BY line " +
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
        WithoutCommandTimeoutAsync(() => context.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken));

    private Task<List<T>> QueryAsync<T>(string sql, CancellationToken cancellationToken) =>
        WithoutCommandTimeoutAsync(() => context.Database.SqlQueryRaw<T>(sql).ToListAsync(cancellationToken));

    // The set-based statements take as long as the stage is big (Strata:Database:CommandTimeoutSeconds, 30 s by
    // default, stopped a million-row upsert on PostgreSQL); the context's timeout is put back for whatever follows.
    // SQLite's command timeout only bounds waiting for a lock, which the import's transaction already holds.
    private async Task<T> WithoutCommandTimeoutAsync<T>(Func<Task<T>> command)
    {
        if (!Postgres)
        {
            return await command();
        }

        var timeout = context.Database.GetCommandTimeout();
        context.Database.SetCommandTimeout(0);
        try
        {
            return await command();
        }
        finally
        {
            context.Database.SetCommandTimeout(timeout);
        }
    }

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
