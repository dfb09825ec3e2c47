using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Data.Repositories;
using Strata.Modules.Workspaces.Schema;
using Strata.Modules.Workspaces.Services;

namespace Strata.Modules.Workspaces.Repositories;

internal sealed class MemberRepository(WorkspacesDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<Member>(context, cursors, clock)
{
    // The access check every tenant-scoped request makes: compiled once per model (one per provider context type).
    private static readonly ConditionalWeakTable<IModel, Func<WorkspacesDbContext, Guid, Guid, CancellationToken, Task<MembershipRow?>>> MembershipQueries = new();

    /// <summary>The user's membership of the live workspace with this public id, or null.</summary>
    public Task<MembershipRow?> FindMembershipAsync(Guid workspaceId, Guid userId, CancellationToken cancellationToken) =>
        MembershipQueries.GetValue(context.Model, _ => CompileMembership())(context, workspaceId, userId, cancellationToken);

    public async Task<IReadOnlyList<Member>> ListAsync(long workspaceId, CancellationToken cancellationToken) =>
        await Query.Where(m => m.WorkspaceId == workspaceId).OrderBy(m => m.JoinedAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);

    public Task<Member?> FindForUpdateAsync(long workspaceId, Guid userId, CancellationToken cancellationToken) =>
        Set.FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, cancellationToken);

    public Task<int> CountOwnersAsync(long workspaceId, CancellationToken cancellationToken) =>
        Query.CountAsync(m => m.WorkspaceId == workspaceId && m.Role == WorkspaceRole.Owner, cancellationToken);

    /// <summary>
    /// Removes every membership of a deleted user, across tenants, and flags the workspaces left without an owner;
    /// returns how many memberships went. On PostgreSQL through the owner's <c>workspaces.remove_user</c> (no policy
    /// lets one user delete another's memberships), which refuses while the account is live: call it after auth has
    /// soft-deleted the user, in the same unit; on SQLite with the tenant filter lifted.
    /// </summary>
    public async Task<int> RemoveUserAsync(Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        if (context.Provider == DatabaseProvider.Postgres)
        {
            return await context.Database.SqlQuery<int>($"SELECT workspaces.remove_user({userId}, {now}) AS \"Value\"").SingleAsync(cancellationToken);
        }

        var everyTenant = Set.IgnoreQueryFilters([StrataQueryFilters.Tenant]);
        var affected = await everyTenant.Where(m => m.UserId == userId).Select(m => m.WorkspaceId).ToListAsync(cancellationToken);
        var removed = await everyTenant.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await context.Workspaces.IgnoreQueryFilters([StrataQueryFilters.Tenant])
            .Where(w => affected.Contains(w.Id) && w.OwnerlessSince == null
                && !everyTenant.Any(m => m.WorkspaceId == w.Id && m.Role == WorkspaceRole.Owner))
            .ExecuteUpdateAsync(u => u.SetProperty(w => w.OwnerlessSince, now).SetProperty(w => w.UpdatedAt, now)
                .SetProperty(w => w.Version, w => w.Version + 1), cancellationToken);
        return removed;
    }

    private static Func<WorkspacesDbContext, Guid, Guid, CancellationToken, Task<MembershipRow?>> CompileMembership() =>
        EF.CompileAsyncQuery((WorkspacesDbContext db, Guid workspaceId, Guid userId, CancellationToken cancellationToken) =>
            (from member in db.Members.AsNoTracking()
             join workspace in db.Workspaces.AsNoTracking() on member.WorkspaceId equals workspace.Id
             where workspace.PublicId == workspaceId && member.UserId == userId
             select new MembershipRow(member.WorkspaceId, member.Role)).FirstOrDefault());
}
