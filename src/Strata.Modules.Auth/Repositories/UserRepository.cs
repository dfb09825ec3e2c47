using Microsoft.EntityFrameworkCore;
using Strata.Data.Conventions;
using Strata.Data.Repositories;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Repositories;

internal sealed class UserRepository(AuthDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<User>(context, cursors, clock)
{
    public Task<User?> FindByEmailForUpdateAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = TextNormalization.Normalize(email);
        return Set.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
    }

    /// <summary>The internal id of the live user with this public id.</summary>
    public Task<long?> FindIdAsync(Guid publicId, CancellationToken cancellationToken) =>
        Query.Where(u => u.PublicId == publicId).Select(u => (long?)u.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The live user with this email (any case), untracked.</summary>
    public Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = TextNormalization.Normalize(email);
        return Query.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
    }

    /// <summary>The live users with these emails (any case), untracked, in one command.</summary>
    public async Task<IReadOnlyList<User>> FindManyByEmailAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        var normalized = emails.Select(TextNormalization.Normalize).Distinct(StringComparer.Ordinal).ToArray();
        return normalized.Length == 0 ? [] : await Query.Where(u => normalized.Contains(u.NormalizedEmail)).ToListAsync(cancellationToken);
    }

    /// <summary>The live user a passkey credential is registered to, untracked.</summary>
    public Task<User?> FindByPasskeyAsync(byte[] credentialId, CancellationToken cancellationToken) =>
        Query.FirstOrDefaultAsync(u => Context.Set<Passkey>().Any(p => p.UserId == u.Id && p.CredentialId == credentialId), cancellationToken);

    public Task<bool> EmailTakenAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = TextNormalization.Normalize(email);
        return Query.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken);
    }
}
