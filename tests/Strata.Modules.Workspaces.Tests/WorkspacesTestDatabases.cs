using Strata.Data;
using Strata.Modules.Auth;
using Strata.Modules.Workspaces.Services;
using Strata.Testing;

[assembly: AssemblyFixture(typeof(Strata.Modules.Workspaces.Tests.WorkspacesTestDatabases))]

namespace Strata.Modules.Workspaces.Tests;

/// <summary>Test databases with the auth and workspaces modules (configured with <see cref="StrataTestSettings.Defaults"/>).</summary>
public sealed class WorkspacesTestDatabases : StrataTestDatabases
{
    protected override void AddModules(StrataBuilder strata) => strata.AddModule<AuthModule>().AddModule<WorkspacesModule>();
}

/// <summary>How a workspace is keyed in raw SQL.</summary>
internal static class WorkspaceKeys
{
    /// <summary>The workspace's internal key on PostgreSQL (what raw SQL and the policies use).</summary>
    public static Task<long> InternalIdAsync(this TestDatabase db, WorkspaceDto workspace) =>
        db.ScalarAsync<long>($"SELECT id FROM workspaces.workspaces WHERE public_id = '{workspace.Id}'");
}
