using Microsoft.EntityFrameworkCore;
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
    /// A keyset page of live parts by name, narrowed by <paramref name="filter"/>, in five commands whatever the page
    /// size: the category tree (for descendants and paths), the page, then the makers, tags and first images of its
    /// parts, each by <c>= ANY</c> / <c>IN</c>.
    /// </summary>
    public async Task<KeysetPage<PartListItem>> ListAsync(KeysetRequest request, PartListFilter filter, CancellationToken cancellationToken)
    {
        var categories = (await context.Categories.AsNoTracking().Select(c => new CategoryRow(c.Id, c.ParentId, c.PublicId, c.Name)).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id);
        var (manufacturerId, variationId) = (filter.ManufacturerId, filter.VariationId);
        var categoryIds = filter.CategoryId is { } categoryId ? Descendants(categories.Values, categoryId) : null;
        var tag = filter.Tag is null ? null : Data.Conventions.TextNormalization.Normalize(filter.Tag);
        var page = await KeysetPageAsync(request, p =>
            (manufacturerId == null || p.Manufacturer!.PublicId == manufacturerId) &&
            (categoryIds == null || categoryIds.Contains(p.CategoryId)) &&
            (variationId == null || context.Fitments.Any(f => f.PartId == p.Id && f.Variation!.PublicId == variationId)) &&
            (tag == null || context.PartTags.Any(t => t.PartId == p.Id && t.Tag!.NormalizedName == tag)), cancellationToken: cancellationToken);
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
