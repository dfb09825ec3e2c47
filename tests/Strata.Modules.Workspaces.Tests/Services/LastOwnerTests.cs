using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Modules.Workspaces.Services;
using Strata.Testing;

namespace Strata.Modules.Workspaces.Tests;

public sealed class LastOwnerTests(WorkspacesTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Two_owners_demoting_each_other_at_once_leave_one_owner(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var first = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(first);
        var second = await db.MemberAsync(first, workspace.Id, WorkspaceRole.Owner);

        var outcomes = await Task.WhenAll(
            DemoteAsync(db, first, workspace.Id, second),
            DemoteAsync(db, second, workspace.Id, first));

        Assert.True(outcomes.Count(o => o == "done") == 1, string.Join(", ", outcomes));
        // Whoever comes second is refused: the last owner (the count), a stale row (the version), or — when it ran after
        // the first committed — no longer an owner at all.
        Assert.Single(outcomes, o => o is "workspaces.last_owner" or "database.concurrency_conflict" or "workspaces.forbidden");
        var owners = await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("workspaces", "members")} WHERE role = 'owner'");
        Assert.Equal(1, owners);
    }

    private static async Task<string> DemoteAsync(Testing.TestDatabase db, Guid actor, Guid workspace, Guid target)
    {
        try
        {
            await db.AsAsync(actor, s => s.GetRequiredService<IWorkspaceService>().ChangeRoleAsync(workspace, target, WorkspaceRole.Admin));
            return "done";
        }
        catch (StrataError error)
        {
            return error.Code;
        }
    }
}
