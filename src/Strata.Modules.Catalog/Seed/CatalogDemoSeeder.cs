using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Strata.Data.Bulk;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Data.Seeding;
using Strata.Modules.Catalog.Schema;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Seed;

/// <summary>
/// Writes the demo catalog of <see cref="CatalogDemoData"/> for the seed, with <see cref="SeedContext.Size"/> parts:
/// models and variations of the reference manufacturers, the category tree and the tags through EF (a few hundred
/// rows, upserted by natural key); the parts through the bulk import (<see cref="IPartImports"/>, upserting by maker
/// and normalized number); fitments, alternatives and part tags streamed with <see cref="BulkWriter"/> into one
/// staging table keyed by natural keys, then joined to the parts in three set-based inserts that skip rows already
/// there. Idempotent: a second run imports every part as unchanged and adds no relation.
/// </summary>
internal sealed class CatalogDemoSeeder(CatalogDbContext context, IPartImports imports, TimeProvider clock) : ISeeder
{
    private const short Fitment = 1;
    private const short Tagging = 2;
    private const short Alternative = 3;

    private static readonly BulkColumn[] StagingColumns =
    [
        new("kind", NpgsqlDbType.Smallint), new("public_id", NpgsqlDbType.Uuid), new("manufacturer_id", NpgsqlDbType.Bigint),
        new("part_number", NpgsqlDbType.Text), new("variation_id", NpgsqlDbType.Bigint), new("category_id", NpgsqlDbType.Bigint),
        new("tag_id", NpgsqlDbType.Bigint), new("other_manufacturer_id", NpgsqlDbType.Bigint), new("other_part_number", NpgsqlDbType.Text),
        new("detail", NpgsqlDbType.Text),
    ];

    // From this many parts into an empty catalog, the search indexes are built once after the load (BulkIndexes).
    private const int DeferSearchIndexesFrom = 100_000;

    public SeedKind Kind => SeedKind.Demo;

    private bool Postgres => context.Provider == DatabaseProvider.Postgres;

    public async Task SeedAsync(SeedContext seedContext, CancellationToken cancellationToken)
    {
        var data = new CatalogDemoData(seedContext.Seed);
        var makers = await context.Manufacturers.ToDictionaryAsync(m => m.NormalizedName, m => m.Id, StringComparer.Ordinal, cancellationToken);
        var missing = CatalogReferenceSeeder.ManufacturerNames.Where(n => !makers.ContainsKey(TextNormalization.Normalize(n))).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Demo data needs the reference manufacturers; missing: {string.Join(", ", missing)}.");
        }

        var variations = await SeedVehiclesAsync(data, makers, cancellationToken);
        var categories = await SeedCategoriesAsync(cancellationToken);
        var tags = await SeedTagsAsync(cancellationToken);

        // A large seed runs statements for minutes: lift the per-statement limits for this transaction only.
        using var unlimited = await BulkTimeouts.LiftAsync(context, cancellationToken);
        var rebuildSearchIndexes = seedContext.Size >= DeferSearchIndexesFrom && !await context.Parts.IgnoreQueryFilters().AnyAsync(cancellationToken)
            ? await BulkIndexes.DeferGinIndexesAsync<Part>(context, cancellationToken)
            : null;
        var run = await imports.ImportRowsAsync(
            data.Parts(seedContext.Size).Select(p => new PartImportRow(p.Index + 1, p.Manufacturer, p.PartNumber, p.Name, p.Category, p.Description, p.Attributes))
                .ToAsyncEnumerable(),
            new PartImportOptions($"demo seed {seedContext.Seed.ToString(CultureInfo.InvariantCulture)}", AllOrNothing: true), cancellationToken: cancellationToken);
        if (run.Outcome != PartImportOutcomes.Completed)
        {
            var first = run.Rejections.Count > 0 ? run.Rejections[0] : null;
            throw new InvalidOperationException($"The import refused {run.Rejected} demo parts; the first, line {first?.Line}: {first?.Reason} ({first?.Code}).");
        }

        if (rebuildSearchIndexes is not null)
        {
            await rebuildSearchIndexes(cancellationToken);
        }

        var added = await SeedRelationsAsync(data, seedContext.Size, makers, variations, categories, tags, cancellationToken);
        seedContext.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"{run.Rows} demo parts: {run.Inserted} added, {run.Updated} changed, {run.Unchanged} unchanged; added {added.Fitments} fitments, {added.Alternatives} alternatives, {added.Tags} part tags."));
    }

    /// <summary>Models by (maker, name) and variations by (model, first year, trim, engine); answers the variation ids in <see cref="CatalogDemoData.Variations"/> order.</summary>
    private async Task<long[]> SeedVehiclesAsync(CatalogDemoData data, Dictionary<string, long> makers, CancellationToken cancellationToken)
    {
        var makerIds = makers.Values.ToList();
        var models = await context.Models.Where(m => makerIds.Contains(m.ManufacturerId)).ToDictionaryAsync(m => (m.ManufacturerId, m.NormalizedName), cancellationToken);
        foreach (var model in data.Models)
        {
            var key = (makers[TextNormalization.Normalize(model.Manufacturer)], TextNormalization.Normalize(model.Name));
            if (!models.ContainsKey(key))
            {
                models[key] = context.Models.Add(new VehicleModel { ManufacturerId = key.Item1, Name = model.Name }).Entity;
            }
        }

        await context.SaveChangesAsync(cancellationToken);
        var bodyStyles = await context.BodyStyles.ToDictionaryAsync(b => b.NormalizedName, b => b.Id, StringComparer.Ordinal, cancellationToken);
        var modelIds = models.Values.Select(m => m.Id).ToList();
        var existing = await context.Variations.Where(v => modelIds.Contains(v.ModelId)).ToListAsync(cancellationToken);
        var byKey = existing.GroupBy(v => (v.ModelId, v.YearFrom, v.Trim, v.Engine)).ToDictionary(g => g.Key, g => g.First());
        var rows = data.Variations.Select(entry =>
        {
            var modelId = models[(makers[TextNormalization.Normalize(entry.Model.Manufacturer)], TextNormalization.Normalize(entry.Model.Name))].Id;
            var (_, v) = entry;
            if (!byKey.TryGetValue((modelId, v.YearFrom, v.Trim, v.Engine), out var row))
            {
                row = context.Variations.Add(new ModelVariation
                {
                    ModelId = modelId, YearFrom = v.YearFrom, YearTo = v.YearTo, Trim = v.Trim, Engine = v.Engine,
                    BodyStyleId = bodyStyles.TryGetValue(TextNormalization.Normalize(v.BodyStyle), out var style) ? style : null,
                }).Entity;
                byKey[(modelId, v.YearFrom, v.Trim, v.Engine)] = row;
            }

            return row;
        }).ToList();
        await context.SaveChangesAsync(cancellationToken);
        return [.. rows.Select(r => r.Id)];
    }

    /// <summary>The tree level by level (a child needs its parent's id); answers ids by path joined with <see cref="CatalogDemoData.PathSeparator"/>.</summary>
    private async Task<Dictionary<string, long>> SeedCategoriesAsync(CancellationToken cancellationToken)
    {
        var existing = await context.Categories.ToListAsync(cancellationToken);
        var byKey = existing.ToDictionary(c => (c.ParentId ?? 0, c.NormalizedName));
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var level in CatalogDemoData.CategoryPaths.GroupBy(p => p.Count).OrderBy(g => g.Key))
        {
            var added = new List<(string Path, PartCategory Row)>();
            foreach (var path in level)
            {
                long? parent = path.Count == 1 ? null : ids[string.Join(CatalogDemoData.PathSeparator, path.Take(path.Count - 1))];
                var text = string.Join(CatalogDemoData.PathSeparator, path);
                if (byKey.TryGetValue((parent ?? 0, TextNormalization.Normalize(path[^1])), out var row))
                {
                    ids[text] = row.Id;
                }
                else
                {
                    added.Add((text, context.Categories.Add(new PartCategory { Name = path[^1], ParentId = parent }).Entity));
                }
            }

            await context.SaveChangesAsync(cancellationToken);
            foreach (var (path, row) in added)
            {
                ids[path] = row.Id;
            }
        }

        return ids;
    }

    private async Task<Dictionary<string, long>> SeedTagsAsync(CancellationToken cancellationToken)
    {
        var tags = await context.Tags.ToDictionaryAsync(t => t.NormalizedName, StringComparer.Ordinal, cancellationToken);
        foreach (var name in CatalogDemoData.TagNames.Where(n => !tags.ContainsKey(TextNormalization.Normalize(n))))
        {
            tags[TextNormalization.Normalize(name)] = context.Tags.Add(new Tag { Name = name }).Entity;
        }

        await context.SaveChangesAsync(cancellationToken);
        return CatalogDemoData.TagNames.ToDictionary(n => n, n => tags[TextNormalization.Normalize(n)].Id, StringComparer.Ordinal);
    }

    private async Task<(long Fitments, long Alternatives, long Tags)> SeedRelationsAsync(
        CatalogDemoData data, int size, Dictionary<string, long> makers, long[] variations, Dictionary<string, long> categories, Dictionary<string, long> tags,
        CancellationToken cancellationToken)
    {
        var staging = Postgres ? "catalog_demo_links" : "temp.catalog_demo_links";
        await ExecuteAsync(Postgres
            ? $"CREATE TEMP TABLE {staging} (kind smallint NOT NULL, public_id uuid NOT NULL, manufacturer_id bigint NOT NULL, part_number text NOT NULL, " +
              "variation_id bigint, category_id bigint, tag_id bigint, other_manufacturer_id bigint, other_part_number text, detail text) ON COMMIT DROP"
            : $"CREATE TEMP TABLE {staging} (kind INTEGER NOT NULL, public_id TEXT NOT NULL, manufacturer_id INTEGER NOT NULL, part_number TEXT NOT NULL, " +
              "variation_id INTEGER, category_id INTEGER, tag_id INTEGER, other_manufacturer_id INTEGER, other_part_number TEXT, detail TEXT)",
            cancellationToken);
        await StageAsync(staging, data, size, makers, variations, categories, tags, cancellationToken);
        if (Postgres)
        {
            await ExecuteAsync($"ANALYZE {staging}", cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var parts = Table<Part>();
        string Join(string alias, string maker, string number) =>
            $"JOIN {parts} {alias} ON {alias}.manufacturer_id = s.{maker} AND {alias}.normalized_part_number = s.{number} AND {alias}.deleted_at IS NULL";
        // WHERE before ON CONFLICT: SQLite needs it to parse an upsert after a join.
        var fitments = await ExecuteAsync(
            $"INSERT INTO {Table<CategoryPart>()} (public_id, created_at, updated_at, category_id, part_id, variation_id, note) " +
            $"SELECT s.public_id, {{0}}, {{0}}, s.category_id, p.id, s.variation_id, s.detail FROM {staging} s {Join("p", "manufacturer_id", "part_number")} " +
            $"WHERE s.kind = {Fitment} ON CONFLICT DO NOTHING", [now], cancellationToken);
        var partTags = await ExecuteAsync(
            $"INSERT INTO {Table<PartTag>()} (public_id, created_at, updated_at, part_id, tag_id) " +
            $"SELECT s.public_id, {{0}}, {{0}}, p.id, s.tag_id FROM {staging} s {Join("p", "manufacturer_id", "part_number")} " +
            $"WHERE s.kind = {Tagging} ON CONFLICT DO NOTHING", [now], cancellationToken);
        // A pair is stored once, the lower internal id first (the table's CHECK).
        var alternatives = await ExecuteAsync(
            $"INSERT INTO {Table<PartAlternative>()} (public_id, created_at, updated_at, low_part_id, high_part_id, kind) " +
            $"SELECT s.public_id, {{0}}, {{0}}, CASE WHEN a.id < b.id THEN a.id ELSE b.id END, CASE WHEN a.id < b.id THEN b.id ELSE a.id END, s.detail " +
            $"FROM {staging} s {Join("a", "manufacturer_id", "part_number")} {Join("b", "other_manufacturer_id", "other_part_number")} " +
            $"WHERE s.kind = {Alternative} AND a.id <> b.id ON CONFLICT DO NOTHING", [now], cancellationToken);
        await ExecuteAsync($"DROP TABLE {staging}", cancellationToken);
        return (fitments, alternatives, partTags);
    }

    /// <summary>Streams every relation of the generated parts into the staging table, by natural key: no part ids are needed yet.</summary>
    private async Task StageAsync(
        string staging, CatalogDemoData data, int size, Dictionary<string, long> makers, long[] variations, Dictionary<string, long> categories,
        Dictionary<string, long> tags, CancellationToken cancellationToken)
    {
        await using var writer = await BulkWriter.OpenAsync(context, staging, StagingColumns, cancellationToken);
        var values = writer.Values;
        foreach (var part in data.Parts(size))
        {
            var maker = makers[TextNormalization.Normalize(part.Manufacturer)];
            var number = PartNumbers.Normalize(part.PartNumber);
            async Task WriteAsync(short kind, long? variation = null, long? category = null, long? tag = null, long? otherMaker = null, string? otherNumber = null, string? detail = null)
            {
                values[0] = kind;
                values[1] = Guid.CreateVersion7();
                values[2] = maker;
                values[3] = number;
                values[4] = variation;
                values[5] = category;
                values[6] = tag;
                values[7] = otherMaker;
                values[8] = otherNumber;
                values[9] = detail;
                await writer.WriteRowAsync(cancellationToken);
            }

            var category = categories[part.Category];
            foreach (var fitment in part.Fitments)
            {
                await WriteAsync(Fitment, variation: variations[fitment.Variation], category: category, detail: fitment.Note);
            }

            foreach (var tag in part.Tags)
            {
                await WriteAsync(Tagging, tag: tags[tag]);
            }

            if (part.Alternative is { } alternative)
            {
                await WriteAsync(Alternative, otherMaker: makers[TextNormalization.Normalize(alternative.Manufacturer)],
                    otherNumber: PartNumbers.Normalize(alternative.PartNumber), detail: alternative.Kind);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// Runs SQL composed here: identifiers come from the EF model and constants, never from input, and values go as
    /// parameters (<c>{0}</c>).
    /// </summary>
    private Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken) => context.Database.ExecuteSqlRawAsync(sql, cancellationToken);

    private Task<int> ExecuteAsync(string sql, object[] parameters, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);

    private string Table<TEntity>() => context.TableName<TEntity>();
}
