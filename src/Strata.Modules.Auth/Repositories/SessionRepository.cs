using Microsoft.EntityFrameworkCore;
using Strata.Data.Repositories;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Repositories;

internal sealed class SessionRepository(AuthDbContext context) : Repository<Session>(context)
{
    /// <summary>The live session with this token hash and its (not deleted) user, tracked for renewal.</summary>
    public Task<Session?> FindActiveByTokenHashAsync(string tokenHash, DateTime now, CancellationToken cancellationToken) =>
        Set.Include(s => s.User)
            .FirstOrDefaultAsync(s => s.TokenHash == tokenHash && s.RevokedAt == null && s.ExpiresAt > now && s.User!.DeletedAt == null, cancellationToken);

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
