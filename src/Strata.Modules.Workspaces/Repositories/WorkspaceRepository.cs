using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Strata.Data.Repositories;
using Strata.Modules.Workspaces.Schema;
using Strata.Modules.Workspaces.Services;

namespace Strata.Modules.Workspaces.Repositories;

internal sealed class WorkspaceRepository(WorkspacesDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<Workspace>(context, cursors, clock)
{
    /// <summary>The code of a workspace that does not exist or that the caller is not a member of.</summary>
    public const string WorkspaceNotFoundCode = "workspaces.not_found";

    // A workspace page's one query (the membership check rides in it): compiled once per model.
    private static readonly ConditionalWeakTable<IModel, Func<WorkspacesDbContext, Guid, Guid, CancellationToken, Task<MemberWorkspace?>>> MemberQueries = new();

    protected override string NotFoundCode => WorkspaceNotFoundCode;

    /// <summary>
    /// The live workspace with this public id and the user's role in it; a <see cref="WorkspaceNotFoundCode"/> 404 when
    /// there is none or the user is no member (the two are not told apart).
    /// </summary>
    public async Task<MemberWorkspace> GetForMemberAsync(Guid workspaceId, Guid userId, CancellationToken cancellationToken) =>
        await MemberQueries.GetValue(context.Model, _ => EF.CompileAsyncQuery((WorkspacesDbContext db, Guid id, Guid user, CancellationToken token) =>
            (from member in db.Members.AsNoTracking()
             join workspace in db.Workspaces.AsNoTracking() on member.WorkspaceId equals workspace.Id
             where workspace.PublicId == id && member.UserId == user
             select new MemberWorkspace(workspace, member.Role)).FirstOrDefault()))(context, workspaceId, userId, cancellationToken)
        ?? throw NotFound(workspaceId);

    /// <summary>The user's workspaces with their role in each, by name.</summary>
    public async Task<IReadOnlyList<(Workspace Workspace, WorkspaceRole Role)>> ListForUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var rows = await (
                from member in context.Members.AsNoTracking()
                join workspace in context.Workspaces.AsNoTracking() on member.WorkspaceId equals workspace.Id
                where member.UserId == userId
                orderby workspace.Name, workspace.Id
                select new { workspace, member.Role })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.workspace, r.Role))];
    }

    /// <summary>Writes the row even without a change, so its version moves: concurrent writers of it conflict (409).</summary>
    public Task TouchAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        Context.Entry(workspace).Property(w => w.UpdatedAt).IsModified = true;
        return UpdateAsync(workspace, cancellationToken);
    }
}
