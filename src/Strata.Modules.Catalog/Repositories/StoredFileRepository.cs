using Microsoft.EntityFrameworkCore;
using Strata.Data.Repositories;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Repositories;

internal sealed class StoredFileRepository(CatalogDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<StoredFile>(context, cursors, clock)
{
    protected override string ResourceName => "file";

    public async Task<IReadOnlyList<StoredFile>> ListForOwnerAsync(string ownerType, Guid ownerId, CancellationToken cancellationToken) =>
        await Query.Where(f => f.OwnerType == ownerType && f.OwnerId == ownerId).OrderBy(f => f.CreatedAt).ThenBy(f => f.Id).ToListAsync(cancellationToken);

    public Task<StoredFile?> FindForOwnerAsync(string ownerType, Guid ownerId, Guid fileId, CancellationToken cancellationToken) =>
        Set.FirstOrDefaultAsync(f => f.OwnerType == ownerType && f.OwnerId == ownerId && f.PublicId == fileId, cancellationToken);
}
