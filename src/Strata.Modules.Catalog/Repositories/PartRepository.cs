using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Strata.Data.Repositories;
using Strata.Modules.Catalog.Schema;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Repositories;

internal sealed class PartRepository(CatalogDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<Part>(context, cursors, clock)
{
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

    // A part's detail is a public, hot read: its four queries are compiled once per model (one per provider context).
    private static readonly ConditionalWeakTable<IModel, DetailQueries> Compiled = new();

    private DetailQueries Queries => Compiled.GetValue(context.Model, _ => DetailQueries.Compile());

    /// <summary>The part with its maker, canonical name and category id — the first command of a part's detail.</summary>
    public Task<PartHead?> HeadAsync(Guid publicId, CancellationToken cancellationToken) => Queries.Head(context, publicId, cancellationToken);

    public Task<IReadOnlyList<string>> TagsAsync(long partId, CancellationToken cancellationToken) => ListAsync(Queries.Tags(context, partId), cancellationToken);

    /// <summary>Alternatives recorded from either side, with the other part and its maker, in one command.</summary>
    public Task<IReadOnlyList<PartAlternativeDto>> AlternativesAsync(long partId, CancellationToken cancellationToken) =>
        ListAsync(Queries.Alternatives(context, partId), cancellationToken);

    public Task<IReadOnlyList<CompatibleVariation>> CompatibleVariationsAsync(long partId, CancellationToken cancellationToken) =>
        ListAsync(Queries.Fitments(context, partId), cancellationToken);

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

    private static async Task<IReadOnlyList<T>> ListAsync<T>(IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            list.Add(row);
        }

        return list;
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

/// <summary>A part with its maker and canonical name.</summary>
internal sealed record PartHead(Part Part, NamedReference Manufacturer, string? PartName);

/// <summary>The compiled queries of a part's detail.</summary>
internal sealed record DetailQueries(
    Func<CatalogDbContext, Guid, CancellationToken, Task<PartHead?>> Head,
    Func<CatalogDbContext, long, IAsyncEnumerable<string>> Tags,
    Func<CatalogDbContext, long, IAsyncEnumerable<PartAlternativeDto>> Alternatives,
    Func<CatalogDbContext, long, IAsyncEnumerable<CompatibleVariation>> Fitments)
{
    public static DetailQueries Compile() => new(
        EF.CompileAsyncQuery((CatalogDbContext db, Guid publicId, CancellationToken cancellationToken) =>
            (from part in db.Parts.AsNoTracking()
             join manufacturer in db.Manufacturers on part.ManufacturerId equals manufacturer.Id
             join name in db.PartNames on part.PartNameId equals (long?)name.Id into names
             from name in names.DefaultIfEmpty()
             where part.PublicId == publicId
             select new PartHead(part, new NamedReference(manufacturer.PublicId, manufacturer.Name), name == null ? null : name.Name))
            .FirstOrDefault()),
        EF.CompileAsyncQuery((CatalogDbContext db, long partId) =>
            from partTag in db.PartTags
            join tag in db.Tags on partTag.TagId equals tag.Id
            where partTag.PartId == partId
            orderby tag.NormalizedName
            select tag.Name),
        EF.CompileAsyncQuery((CatalogDbContext db, long partId) =>
            from alternative in db.Alternatives
            where alternative.LowPartId == partId || alternative.HighPartId == partId
            join other in db.Parts on (alternative.LowPartId == partId ? alternative.HighPartId : alternative.LowPartId) equals other.Id
            join manufacturer in db.Manufacturers on other.ManufacturerId equals manufacturer.Id
            orderby other.NormalizedPartNumber
            select new PartAlternativeDto(new PartSummary(other.PublicId, other.PartNumber, other.Name, new NamedReference(manufacturer.PublicId, manufacturer.Name)), alternative.Kind)),
        EF.CompileAsyncQuery((CatalogDbContext db, long partId) =>
            from fitment in db.Fitments
            where fitment.PartId == partId
            join variation in db.Variations on fitment.VariationId equals variation.Id
            join model in db.Models on variation.ModelId equals model.Id
            join manufacturer in db.Manufacturers on model.ManufacturerId equals manufacturer.Id
            join category in db.Categories on fitment.CategoryId equals category.Id
            orderby manufacturer.NormalizedName, model.NormalizedName, variation.YearFrom
            select new CompatibleVariation(variation.PublicId, manufacturer.Name, model.Name, variation.YearFrom, variation.YearTo, variation.Trim, category.Name, fitment.Note)));
}
