using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Strata.Data.Configuration;
using Strata.Data.Repositories;
using Strata.Modules.Catalog.Schema;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Repositories;

internal sealed class PartRepository(CatalogDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<Part>(context, cursors, clock)
{
    private static readonly SortMap<Part> SortFields = new SortMap<Part>("name").Add("name", p => p.Name);

    /// <inheritdoc />
    protected override SortMap<Part> Sorts => SortFields;

    /// <summary>
    /// A keyset page of live parts by name — or, with search terms, by rank then name — narrowed by
    /// <paramref name="filter"/>, in five commands whatever the page size: the category tree (for descendants and
    /// paths), the page, then the makers, tags and first images of its parts, each by <c>= ANY</c> / <c>IN</c>.
    /// </summary>
    public async Task<KeysetPage<PartListItem>> ListAsync(KeysetRequest request, PartListFilter filter, CancellationToken cancellationToken)
    {
        var categories = (await context.Categories.AsNoTracking().Select(c => new CategoryRow(c.Id, c.ParentId, c.PublicId, c.Name)).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id);
        var (manufacturerId, variationId) = (filter.ManufacturerId, filter.VariationId);
        var categoryIds = filter.CategoryId is { } categoryId ? Descendants(categories.Values, categoryId) : null;
        var tag = filter.Tag is null ? null : Data.Conventions.TextNormalization.Normalize(filter.Tag);
        Expression<Func<Part, bool>> narrowed = p =>
            (manufacturerId == null || p.Manufacturer!.PublicId == manufacturerId) &&
            (categoryIds == null || categoryIds.Contains(p.CategoryId)) &&
            (variationId == null || context.Fitments.Any(f => f.PartId == p.Id && f.Variation!.PublicId == variationId)) &&
            (tag == null || context.PartTags.Any(t => t.PartId == p.Id && t.Tag!.NormalizedName == tag));
        var page = string.IsNullOrWhiteSpace(filter.Search)
            ? await KeysetPageAsync(request, narrowed, cancellationToken: cancellationToken)
            : await SearchPageAsync(request, narrowed, CatalogInput.SearchTerms(filter.Search), cancellationToken);
        if (page.Items.Count == 0)
        {
            return new KeysetPage<PartListItem>([], page.NextCursor);
        }

        var partIds = page.Items.Select(p => p.Id).ToArray();
        var publicIds = page.Items.Select(p => p.PublicId).ToArray();
        var makerIds = page.Items.Select(p => p.ManufacturerId).Distinct().ToArray();
        var makers = await context.Manufacturers.AsNoTracking().Where(m => makerIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => new NamedReference(m.PublicId, m.Name), cancellationToken);
        var tags = (await (
                from partTag in context.PartTags.AsNoTracking()
                join t in context.Tags on partTag.TagId equals t.Id
                where partIds.Contains(partTag.PartId)
                orderby t.NormalizedName
                select new { partTag.PartId, t.Name })
            .ToListAsync(cancellationToken)).ToLookup(t => t.PartId, t => t.Name);
        var images = await context.Files.AsNoTracking()
            .Where(f => f.OwnerType == StoredFile.PartOwner && publicIds.Contains(f.OwnerId))
            .GroupBy(f => f.OwnerId)
            .Select(g => new { Part = g.Key, First = g.OrderBy(f => f.CreatedAt).ThenBy(f => f.Id).Select(f => f.PublicId).First() })
            .ToDictionaryAsync(i => i.Part, i => i.First, cancellationToken);
        return page.Map(p => new PartListItem(
            p.PublicId, p.PartNumber, p.Name, makers[p.ManufacturerId], PathOf(categories, p.CategoryId), [.. tags[p.Id]],
            images.TryGetValue(p.PublicId, out var image) ? image : null));
    }

    // Search cursors are bound to this sort spelling: a list cursor (sort "name") is refused with a search, and back.
    private const string SearchSort = "search";

    /// <summary>
    /// A keyset page of the parts matching every term, ranked. Each part gets a key <c>tier || name</c>: tier 0 for
    /// the exact (normalized) part number, 1 when every term is a prefix of a word of the number or name or the text is
    /// a fragment of the normalized part number, 2 when the terms are only met with the description's words. One string
    /// key, rather than a two-column key in <see cref="SortKey{T}"/>, because the tier is computed in SQL from the
    /// search and no property of <see cref="Part"/> holds it, so the base keyset (which reads the key back from the
    /// entity in memory) cannot capture it: the key is projected with the row, ordered and compared in SQL
    /// (<c>key &gt; @last OR key = @last AND public_id &gt; @id</c>), and the last row's key goes into the cursor. A
    /// one-digit tier sorts before any name in every collation, so the order is (tier, name, public id).
    /// </summary>
    private async Task<KeysetPage<Part>> SearchPageAsync(
        KeysetRequest request, Expression<Func<Part, bool>> narrowed, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        CheckSize(request.Limit, "limit");

        if (terms.Count == 0)
        {
            // Text with no letter or digit (only punctuation, symbols, emoji) can match nothing.
            return new KeysetPage<Part>([], null);
        }

        var (matches, ranked) = context.Provider == DatabaseProvider.Postgres ? PostgresSearch(terms) : SqliteSearch(terms);
        var hits = Query.Where(narrowed).Where(matches).Select(ranked);
        if (request.Cursor is not null)
        {
            var (lastKey, lastId) = DecodeCursor<string>(request.Cursor, SearchSort);
            // Translated to SQL (key > @last), compared in the column's collation as ORDER BY is: not an in-memory comparison.
#pragma warning disable CA1309
            hits = hits.Where(h => string.Compare(h.Key, lastKey) > 0 || (h.Key == lastKey && h.Part.PublicId.CompareTo(lastId) > 0));
#pragma warning restore CA1309
        }

        var rows = await hits.OrderBy(h => h.Key).ThenBy(h => h.Part.PublicId).Take(request.Limit + 1).ToListAsync(cancellationToken);
        if (rows.Count <= request.Limit)
        {
            return new KeysetPage<Part>([.. rows.Select(h => h.Part)], null);
        }

        rows.RemoveAt(rows.Count - 1);
        return new KeysetPage<Part>([.. rows.Select(h => h.Part)], EncodeCursor(SearchSort, rows[^1].Key, rows[^1].Part.PublicId));
    }

    // The terms and the number fragment they spell: the terms joined and upper-cased, as part numbers are normalized
    // (04465-33 → 0446533). A fragment of 3 characters or more matches anywhere in the number, a shorter one its start.
    private const int TrigramLength = 3;

    private static (string Exact, string Pattern) Fragment(IReadOnlyList<string> terms)
    {
        var fragment = string.Concat(terms).ToUpperInvariant();
        return (fragment, fragment.Length >= TrigramLength ? $"%{fragment}%" : $"{fragment}%");
    }

    // PostgreSQL: the generated search_vector (number A, name B, description C) against a tsquery built from the
    // sanitized terms only (letters and digits: never tsquery syntax), each a prefix; :*AB keeps a term to the number and
    // name. Fragments by LIKE on normalized_part_number, which its trigram GIN index serves.
    private static (Expression<Func<Part, bool>> Matches, Expression<Func<Part, SearchHit>> Ranked) PostgresSearch(IReadOnlyList<string> terms)
    {
        const string config = CatalogPostgresDbContext.SearchConfiguration;
        const string vector = CatalogPostgresDbContext.SearchVector;
        var anywhere = string.Join(" & ", terms.Select(t => t + ":*"));
        var numberOrName = string.Join(" & ", terms.Select(t => t + ":*AB"));
        var (exact, pattern) = Fragment(terms);
        return (
            p => EF.Property<NpgsqlTsVector>(p, vector).Matches(EF.Functions.ToTsQuery(config, anywhere)) || EF.Functions.Like(p.NormalizedPartNumber, pattern),
            p => new SearchHit
            {
                Part = p,
                Key = (p.NormalizedPartNumber == exact ? "0"
                    : EF.Property<NpgsqlTsVector>(p, vector).Matches(EF.Functions.ToTsQuery(config, numberOrName)) || EF.Functions.Like(p.NormalizedPartNumber, pattern) ? "1"
                    : "2") + p.Name,
            });
    }

    // SQLite: FTS5 (Scripts/Sqlite/010_part_search.sql). Each term quoted (a double quote inside doubled, though terms
    // hold only letters and digits) and starred: "brake"* "pa"*, implicit AND; {part_number name} : (…) keeps them to
    // the number and name. Fragments of 3 or more by the trigram table, shorter ones by the number's start.
    private (Expression<Func<Part, bool>> Matches, Expression<Func<Part, SearchHit>> Ranked) SqliteSearch(IReadOnlyList<string> terms)
    {
        var anywhere = string.Join(" ", terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"*"));
        var numberOrName = "{part_number name} : (" + anywhere + ")";
        var (exact, _) = Fragment(terms);
        var prefix = exact;
        var all = context.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM catalog_parts_search WHERE catalog_parts_search MATCH {anywhere}");
        var named = context.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM catalog_parts_search WHERE catalog_parts_search MATCH {numberOrName}");
        if (exact.Length < TrigramLength)
        {
            return (
                p => all.Contains(p.Id) || p.NormalizedPartNumber.StartsWith(prefix),
                p => new SearchHit { Part = p, Key = (p.NormalizedPartNumber == exact ? "0" : named.Contains(p.Id) || p.NormalizedPartNumber.StartsWith(prefix) ? "1" : "2") + p.Name });
        }

        var phrase = "\"" + exact + "\"";
        var numbers = context.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM catalog_parts_number_search WHERE catalog_parts_number_search MATCH {phrase}");
        return (
            p => all.Contains(p.Id) || numbers.Contains(p.Id),
            p => new SearchHit { Part = p, Key = (p.NormalizedPartNumber == exact ? "0" : named.Contains(p.Id) || numbers.Contains(p.Id) ? "1" : "2") + p.Name });
    }

    /// <summary>A matching part and its rank key, <c>tier || name</c>.</summary>
    private sealed class SearchHit
    {
        public required Part Part { get; init; }

        public required string Key { get; init; }
    }

    // The ids of the category and every category below it; none when no category has that public id.
    private static long[] Descendants(IEnumerable<CategoryRow> categories, Guid root)
    {
        var children = categories.ToLookup(c => c.ParentId);
        var found = categories.Where(c => c.PublicId == root).Select(c => c.Id).ToList();
        for (var i = 0; i < found.Count; i++)
        {
            found.AddRange(children[found[i]].Select(c => c.Id));
        }

        return [.. found];
    }

    private static List<NamedReference> PathOf(Dictionary<long, CategoryRow> categories, long categoryId)
    {
        var path = new List<NamedReference>();
        for (long? id = categoryId; id is { } current && categories.TryGetValue(current, out var category); id = category.ParentId)
        {
            path.Insert(0, new NamedReference(category.PublicId, category.Name));
        }

        return path;
    }

    private sealed record CategoryRow(long Id, long? ParentId, Guid PublicId, string Name);

    /// <summary>Live parts with these public ids and their makers, in one command (<c>= ANY</c> / <c>IN</c>).</summary>
    public async Task<IReadOnlyList<PartSummary>> SummariesAsync(IReadOnlyCollection<Guid> publicIds, CancellationToken cancellationToken)
    {
        if (publicIds.Count == 0)
        {
            return [];
        }

        var ids = publicIds.Distinct().ToArray();
        return await (
                from part in context.Parts.AsNoTracking()
                join manufacturer in context.Manufacturers on part.ManufacturerId equals manufacturer.Id
                where ids.Contains(part.PublicId)
                select new PartSummary(part.PublicId, part.PartNumber, part.Name, new NamedReference(manufacturer.PublicId, manufacturer.Name)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The live part with everything around it, in one statement (see <see cref="PartDetailQuery"/>).</summary>
    public Task<PartDetail?> DetailAsync(Guid publicId, CancellationToken cancellationToken) =>
        PartDetailQuery.ReadAsync(context, publicId, cancellationToken);

    public Task<bool> AlternativeExistsAsync(long low, long high, CancellationToken cancellationToken) =>
        context.Alternatives.AnyAsync(a => a.LowPartId == low && a.HighPartId == high, cancellationToken);

    public async Task AddAlternativeAsync(PartAlternative alternative, CancellationToken cancellationToken)
    {
        context.Alternatives.Add(alternative);
        await SaveAsync(cancellationToken);
    }

    public async Task AddFitmentAsync(CategoryPart fitment, CancellationToken cancellationToken)
    {
        context.Fitments.Add(fitment);
        await SaveAsync(cancellationToken);
    }

    /// <summary>Replaces the part's tags with <paramref name="names"/>, creating tags that do not exist yet.</summary>
    public async Task SetTagsAsync(long partId, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var normalized = names.Select(Data.Conventions.TextNormalization.Normalize).Distinct().ToArray();
        var known = await context.Tags.Where(t => normalized.Contains(t.NormalizedName)).ToListAsync(cancellationToken);
        var created = names.DistinctBy(Data.Conventions.TextNormalization.Normalize)
            .Where(n => known.All(t => t.NormalizedName != Data.Conventions.TextNormalization.Normalize(n)))
            .Select(n => new Tag { Name = n }).ToList();
        context.Tags.AddRange(created);
        await context.PartTags.Where(t => t.PartId == partId).ExecuteDeleteAsync(cancellationToken);
        await SaveAsync(cancellationToken);
        context.PartTags.AddRange(known.Concat(created).Select(t => new PartTag { PartId = partId, TagId = t.Id }));
        await SaveAsync(cancellationToken);
    }

    public async Task<PartName> EnsurePartNameAsync(string name, CancellationToken cancellationToken)
    {
        var normalized = Data.Conventions.TextNormalization.Normalize(name);
        return await context.PartNames.FirstOrDefaultAsync(n => n.NormalizedName == normalized, cancellationToken)
            ?? context.PartNames.Add(new PartName { Name = name }).Entity;
    }
}
