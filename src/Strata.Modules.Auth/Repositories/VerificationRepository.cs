using Microsoft.EntityFrameworkCore;
using Strata.Data.Repositories;
using Strata.Modules.Auth.Schema;
using Strata.Modules.Auth.Services;

namespace Strata.Modules.Auth.Repositories;

internal sealed class VerificationRepository(AuthDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<Verification>(context, cursors, clock)
{
    /// <summary>
    /// Consumes the open token with this hash. The consuming write is conditional (<c>consumed_at IS NULL</c>), so of
    /// two concurrent uses of one token exactly one is <see cref="VerificationClaimOutcome.Claimed"/>. With an
    /// <paramref name="identifier"/>, a token issued to anyone else is <see cref="VerificationClaimOutcome.Unknown"/>.
    /// </summary>
    public async Task<VerificationClaim> ClaimAsync(string purpose, string tokenHash, string? identifier, DateTime now, CancellationToken cancellationToken)
    {
        var row = await Query.FirstOrDefaultAsync(v => v.Purpose == purpose && v.TokenHash == tokenHash, cancellationToken);
        if (row is null || (identifier is not null && row.Identifier != identifier))
        {
            return new(VerificationClaimOutcome.Unknown, null);
        }

        if (row.ConsumedAt is not null)
        {
            return new(VerificationClaimOutcome.Used, row);
        }

        if (row.ExpiresAt <= now)
        {
            return new(VerificationClaimOutcome.Expired, row);
        }

        var claimed = await Set.Where(v => v.Id == row.Id && v.ConsumedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.ConsumedAt, now).SetProperty(v => v.UpdatedAt, now), cancellationToken);
        row.ConsumedAt = now;
        return new(claimed == 1 ? VerificationClaimOutcome.Claimed : VerificationClaimOutcome.Used, row);
    }

    /// <summary>Consumes every open token of this purpose for the identifier: a newer token replaces older ones.</summary>
    public Task<int> ConsumeOpenAsync(string purpose, string identifier, DateTime now, CancellationToken cancellationToken) =>
        Set.Where(v => v.Purpose == purpose && v.Identifier == identifier && v.ConsumedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.ConsumedAt, now).SetProperty(v => v.UpdatedAt, now), cancellationToken);

    /// <summary>Deletes tokens of this purpose that expired before <paramref name="cutoff"/>; they can no longer be used.</summary>
    public Task<int> DeleteExpiredAsync(string purpose, DateTime cutoff, CancellationToken cancellationToken) =>
        Set.Where(v => v.Purpose == purpose && v.ExpiresAt < cutoff).ExecuteDeleteAsync(cancellationToken);
}
