using Microsoft.EntityFrameworkCore;
using Strata.Data.Repositories;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Repositories;

internal sealed class SessionRepository(AuthDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<Session>(context, cursors, clock)
{
    /// <summary>The live session with this token hash, with its (not deleted) user.</summary>
    public Task<Session?> FindActiveByTokenHashAsync(string tokenHash, DateTime now, CancellationToken cancellationToken) =>
        Query.Include(s => s.User)
            .FirstOrDefaultAsync(s => s.TokenHash == tokenHash && s.RevokedAt == null && s.ExpiresAt > now && s.User!.DeletedAt == null, cancellationToken);

    /// <summary>Extends a session in one statement (bulk updates set updated_at themselves).</summary>
    public Task<int> RenewAsync(long sessionId, DateTime now, DateTime expiresAt, CancellationToken cancellationToken) =>
        Set.Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastUsedAt, now).SetProperty(s => s.ExpiresAt, expiresAt).SetProperty(s => s.UpdatedAt, now), cancellationToken);

    public async Task<IReadOnlyList<Session>> ListActiveAsync(long userId, DateTime now, CancellationToken cancellationToken) =>
        await Query.Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.PublicId)
            .ToListAsync(cancellationToken);

    public Task<Session?> FindActiveForUpdateAsync(long userId, Guid sessionId, DateTime now, CancellationToken cancellationToken) =>
        Set.FirstOrDefaultAsync(s => s.PublicId == sessionId && s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now, cancellationToken);

    /// <summary>Revokes every live session of the user in one statement; returns how many.</summary>
    public Task<int> RevokeAllAsync(long userId, DateTime now, CancellationToken cancellationToken) =>
        Set.Where(s => s.UserId == userId && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now).SetProperty(s => s.UpdatedAt, now), cancellationToken);
}
