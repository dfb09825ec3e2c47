namespace Strata.Modules.Catalog.Services;

/// <summary>How other modules (vendor inventory, carts) read parts: by public id, in batches.</summary>
public interface ICatalogLookup
{
    /// <summary>The live parts with these ids, in one command whatever their number; unknown ids are left out.</summary>
    Task<IReadOnlyList<PartSummary>> GetPartsAsync(IReadOnlyCollection<Guid> partIds, CancellationToken cancellationToken = default);
}
