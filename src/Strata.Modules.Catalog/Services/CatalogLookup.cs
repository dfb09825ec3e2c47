using Strata.Modules.Catalog.Repositories;

namespace Strata.Modules.Catalog.Services;

/// <inheritdoc />
internal sealed class CatalogLookup(PartRepository parts) : ICatalogLookup
{
    public Task<IReadOnlyList<PartSummary>> GetPartsAsync(IReadOnlyCollection<Guid> partIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partIds);
        return parts.SummariesAsync(partIds, cancellationToken);
    }
}
