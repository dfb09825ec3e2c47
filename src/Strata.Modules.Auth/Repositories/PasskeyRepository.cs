using Microsoft.EntityFrameworkCore;
using Strata.Data.Repositories;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Repositories;

internal sealed class PasskeyRepository(AuthDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<Passkey>(context, cursors, clock)
{
    public async Task<IReadOnlyList<Passkey>> ListForUserAsync(long userId, CancellationToken cancellationToken) =>
        await Query.Where(p => p.UserId == userId).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);

    public Task<Passkey?> FindForUserAsync(long userId, byte[] credentialId, CancellationToken cancellationToken) =>
        Query.FirstOrDefaultAsync(p => p.UserId == userId && p.CredentialId == credentialId, cancellationToken);

    public Task<Passkey?> FindForUpdateAsync(long userId, byte[] credentialId, CancellationToken cancellationToken) =>
        Set.FirstOrDefaultAsync(p => p.UserId == userId && p.CredentialId == credentialId, cancellationToken);

    /// <summary>The user's passkey with this public id, tracked for changing; null when it is not theirs.</summary>
    public Task<Passkey?> FindForUpdateAsync(long userId, Guid passkeyId, CancellationToken cancellationToken) =>
        Set.FirstOrDefaultAsync(p => p.UserId == userId && p.PublicId == passkeyId, cancellationToken);

    /// <summary>
    /// Records a verified use in one conditional statement: the counter must still be below the new value (or both
    /// zero, for authenticators without a counter), so of two sign-ins carrying the same counter only one is accepted.
    /// </summary>
    public async Task<bool> RecordUseAsync(long userId, byte[] credentialId, uint signCount, bool backedUp, DateTime now, CancellationToken cancellationToken)
    {
        long counter = signCount;
        var updated = await Set
            .Where(p => p.UserId == userId && p.CredentialId == credentialId && (p.SignCount < counter || (counter == 0 && p.SignCount == 0)))
            .ExecuteUpdateAsync(u => u
                .SetProperty(p => p.SignCount, counter)
                .SetProperty(p => p.BackedUp, backedUp)
                .SetProperty(p => p.LastUsedAt, now)
                .SetProperty(p => p.UpdatedAt, now), cancellationToken);
        return updated == 1;
    }

    public Task<int> DeleteAllAsync(long userId, CancellationToken cancellationToken) =>
        Set.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    public Task<int> DeleteAsync(long userId, byte[] credentialId, CancellationToken cancellationToken) =>
        Set.Where(p => p.UserId == userId && p.CredentialId == credentialId).ExecuteDeleteAsync(cancellationToken);
}
