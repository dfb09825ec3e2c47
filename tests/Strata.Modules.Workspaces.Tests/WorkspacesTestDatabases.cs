using Strata.Data;
using Strata.Modules.Auth;
using Strata.Modules.Auth.Services;
using Strata.Modules.Workspaces.Services;
using Strata.Testing;

[assembly: AssemblyFixture(typeof(Strata.Modules.Workspaces.Tests.WorkspacesTestDatabases))]

namespace Strata.Modules.Workspaces.Tests;

/// <summary>Test databases with the auth and workspaces modules (configured with <see cref="StrataTestSettings.Defaults"/>).</summary>
public sealed class WorkspacesTestDatabases : StrataTestDatabases
{
    protected override void AddModules(StrataBuilder strata) => strata.AddModule<AuthModule>().AddModule<WorkspacesModule>();

    /// <inheritdoc />
    protected override bool StartsWithKeyRingKey => true;
}

/// <summary>How a workspace is keyed in raw SQL.</summary>
internal static class WorkspaceKeys
{
    /// <summary>The workspace's internal key on PostgreSQL (what raw SQL and the policies use).</summary>
    public static Task<long> InternalIdAsync(this TestDatabase db, WorkspaceDto workspace) =>
        db.ScalarAsync<long>($"SELECT id FROM workspaces.workspaces WHERE public_id = '{workspace.Id}'");
}

/// <summary>What auth knows about a test user, read through its public directory.</summary>
internal static class UserFacts
{
    /// <summary>The user's email address, from auth's directory.</summary>
    public static async Task<string> EmailOfAsync(this TestDatabase db, Guid user) =>
        (await db.Get<IUserDirectory>().FindAsync(user))!.Email;
}
