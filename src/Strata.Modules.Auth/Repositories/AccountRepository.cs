using Microsoft.EntityFrameworkCore;
using Strata.Data.Repositories;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Repositories;

internal sealed class AccountRepository(AuthDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<Account>(context, cursors, clock)
{
    public Task<Account?> FindCredentialForUpdateAsync(long userId, CancellationToken cancellationToken) =>
        Set.FirstOrDefaultAsync(a => a.UserId == userId && a.ProviderId == Account.CredentialProvider, cancellationToken);
}
