using Microsoft.EntityFrameworkCore;
using Strata.Data.Repositories;
using Strata.Modules.Catalog.Schema;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Repositories;

internal sealed class PartRepository(CatalogDbContext context) : Repository<Part>(context)
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

    /// <summary>The part with its maker, canonical name and category id — the first command of a part's detail.</summary>
    public Task<PartHead?> HeadAsync(Guid publicId, CancellationToken cancellationToken) =>
        (from part in context.Parts.AsNoTracking()
         join manufacturer in context.Manufacturers on part.ManufacturerId equals manufacturer.Id
         join name in context.PartNames on part.PartNameId equals (long?)name.Id into names
         from name in names.DefaultIfEmpty()
         where part.PublicId == publicId
         select new PartHead(part, new NamedReference(manufacturer.PublicId, manufacturer.Name), name == null ? null : name.Name))
        .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> TagsAsync(long partId, CancellationToken cancellationToken) =>
        await (from partTag in context.PartTags join tag in context.Tags on partTag.TagId equals tag.Id
               where partTag.PartId == partId orderby tag.NormalizedName select tag.Name).ToListAsync(cancellationToken);

    /// <summary>Alternatives recorded from either side, with the other part and its maker, in one command.</summary>
    public async Task<IReadOnlyList<PartAlternativeDto>> AlternativesAsync(long partId, CancellationToken cancellationToken) =>
        await (from alternative in context.Alternatives
               where alternative.LowPartId == partId || alternative.HighPartId == partId
               join other in context.Parts on (alternative.LowPartId == partId ? alternative.HighPartId : alternative.LowPartId) equals other.Id
               join manufacturer in context.Manufacturers on other.ManufacturerId equals manufacturer.Id
               orderby other.NormalizedPartNumber
               select new PartAlternativeDto(new PartSummary(other.PublicId, other.PartNumber, other.Name, new NamedReference(manufacturer.PublicId, manufacturer.Name)), alternative.Kind))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CompatibleVariation>> CompatibleVariationsAsync(long partId, CancellationToken cancellationToken) =>
        await (from fitment in context.Fitments
               where fitment.PartId == partId
               join variation in context.Variations on fitment.VariationId equals variation.Id
               join model in context.Models on variation.ModelId equals model.Id
               join manufacturer in context.Manufacturers on model.ManufacturerId equals manufacturer.Id
               join category in context.Categories on fitment.CategoryId equals category.Id
               orderby manufacturer.NormalizedName, model.NormalizedName, variation.YearFrom
               select new CompatibleVariation(variation.PublicId, manufacturer.Name, model.Name, variation.YearFrom, variation.YearTo, variation.Trim, category.Name, fitment.Note))
            .ToListAsync(cancellationToken);

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

/// <summary>A part with its maker and canonical name.</summary>
internal sealed record PartHead(Part Part, NamedReference Manufacturer, string? PartName);
