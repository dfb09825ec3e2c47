using Microsoft.EntityFrameworkCore;
using Strata.Data.Repositories;
using Strata.Modules.Workspaces.Schema;
using Strata.Modules.Workspaces.Services;

namespace Strata.Modules.Workspaces.Repositories;

internal sealed class WorkspaceRepository(WorkspacesDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<Workspace>(context, cursors, clock)
{
    /// <summary>The code of a workspace that does not exist or that the caller is not a member of.</summary>
    public const string WorkspaceNotFoundCode = "workspaces.not_found";

    protected override string NotFoundCode => WorkspaceNotFoundCode;

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
