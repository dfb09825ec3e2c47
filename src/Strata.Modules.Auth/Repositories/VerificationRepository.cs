using Microsoft.EntityFrameworkCore;
using Strata.Data.Repositories;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Repositories;

internal sealed class VerificationRepository(AuthDbContext context) : Repository<Verification>(context)
{
    public Task<Verification?> FindForUpdateAsync(string purpose, string tokenHash, CancellationToken cancellationToken) =>
        Set.FirstOrDefaultAsync(v => v.Purpose == purpose && v.TokenHash == tokenHash, cancellationToken);

    /// <summary>Consumes every open token of this purpose for the identifier: a newer token replaces older ones.</summary>
    public Task<int> ConsumeOpenAsync(string purpose, string identifier, DateTime now, CancellationToken cancellationToken) =>
        Set.Where(v => v.Purpose == purpose && v.Identifier == identifier && v.ConsumedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.ConsumedAt, now).SetProperty(v => v.UpdatedAt, now), cancellationToken);
}
