using Microsoft.EntityFrameworkCore;
using Strata.Data.Conventions;
using Strata.Data.Repositories;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Repositories;

internal sealed class UserRepository(AuthDbContext context) : Repository<User>(context)
{
    public Task<User?> FindByEmailForUpdateAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = TextNormalization.Normalize(email);
        return Set.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
    }

    /// <summary>The internal id of the live user with this public id.</summary>
    public Task<long?> FindIdAsync(Guid publicId, CancellationToken cancellationToken) =>
        Query.Where(u => u.PublicId == publicId).Select(u => (long?)u.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<bool> EmailTakenAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = TextNormalization.Normalize(email);
        return Query.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken);
    }
}
