using Microsoft.EntityFrameworkCore;
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
