using Microsoft.EntityFrameworkCore;
using Strata.Data.Repositories;
using Strata.Modules.Catalog.Schema;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Repositories;

internal sealed class VinPrefixRepository(CatalogDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<VinPrefix>(context, cursors, clock)
{
    protected override string ResourceName => "vin_prefix";

    /// <summary>
    /// Every known prefix among <paramref name="prefixes"/> of a live manufacturer, longest first, with its live model
    /// (if it names one), in one command.
    /// </summary>
    public async Task<IReadOnlyList<VinPrefixMatch>> FindAsync(IReadOnlyCollection<string> prefixes, CancellationToken cancellationToken) =>
        await (
                from prefix in context.VinPrefixes.AsNoTracking()
                join manufacturer in context.Manufacturers on prefix.ManufacturerId equals manufacturer.Id
                join model in context.Models on prefix.ModelId equals (long?)model.Id into models
                from model in models.DefaultIfEmpty()
                where prefixes.Contains(prefix.Prefix)
                orderby prefix.Prefix.Length descending, prefix.YearFrom descending
                select new VinPrefixMatch(prefix.Prefix, prefix.YearFrom, prefix.YearTo, manufacturer.PublicId, manufacturer.Name,
                    model == null ? null : new NamedReference(model.PublicId, model.Name), prefix.VariationId))
            .ToListAsync(cancellationToken);

    /// <summary>A live variation with its model and body style, by internal id.</summary>
    public Task<ModelVariation?> FindVariationAsync(long id, CancellationToken cancellationToken) =>
        context.Variations.AsNoTracking().Include(v => v.Model).Include(v => v.BodyStyle).FirstOrDefaultAsync(v => v.Id == id, cancellationToken);

    /// <summary>
    /// A known VIN prefix with its (live) manufacturer and model, flattened for decoding; the variation by internal id.
    /// The row shape of <see cref="FindAsync"/>, so it lives with it.
    /// </summary>
    internal sealed record VinPrefixMatch(
        string Prefix, int? YearFrom, int? YearTo, Guid ManufacturerId, string ManufacturerName, NamedReference? Model, long? VariationId);
}
