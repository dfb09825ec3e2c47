using Microsoft.Extensions.DependencyInjection;
using Strata.Modules.Workspaces.Services;
using Strata.Testing;
using Strata.Testing.RoundTrips;

namespace Strata.Modules.Workspaces.Tests;

/// <summary>
/// Round trips of tenant-scoped workspace reads on PostgreSQL, each in a new scope acting for the member as a request
/// does (see <see cref="RoundTripProxy"/>): a reading unit whose context travels with its first statement.
/// </summary>
public sealed class RoundTripTests(WorkspacesTestDatabases databases)
{
    [Fact]
    public async Task The_membership_check_is_two_round_trips()
    {
        await using var proxy = RoundTripProxy.StartForTestServer();
        await using var db = await databases.FreshThroughAsync(proxy);
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);

        await proxy.CountAsync(() => db.AsAsync(owner, services =>
            services.GetRequiredService<IWorkspaceAccess>().RequireRoleAsync(workspace.Id, WorkspaceRole.Viewer)));

        RoundTripAssert.Trips(2, proxy, "BEGIN+read-only+context+membership query, COMMIT");
    }

    [Fact]
    public async Task Reading_a_workspace_as_a_member_is_two_round_trips()
    {
        await using var proxy = RoundTripProxy.StartForTestServer();
        await using var db = await databases.FreshThroughAsync(proxy);
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);

        await proxy.CountAsync(() => db.AsAsync(owner, services =>
            services.GetRequiredService<IWorkspaceService>().GetAsync(workspace.Id)));

        RoundTripAssert.Trips(2, proxy, "BEGIN+read-only+context+membership and workspace (one batch or query), COMMIT");
    }
}
