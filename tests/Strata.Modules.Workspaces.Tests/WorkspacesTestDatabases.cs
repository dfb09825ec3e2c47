using Microsoft.Extensions.DependencyInjection;
using Strata.Data;
using Strata.Data.Configuration;
using Strata.Data.Sessions;
using Strata.Modules.Auth;
using Strata.Modules.Auth.Services;
using Strata.Modules.Workspaces.Services;
using Strata.Testing;

[assembly: AssemblyFixture(typeof(Strata.Modules.Workspaces.Tests.WorkspacesTestDatabases))]

namespace Strata.Modules.Workspaces.Tests;

/// <summary>Test databases with the auth and workspaces modules, and steps that act as a user.</summary>
public sealed class WorkspacesTestDatabases : StrataTestDatabases
{
    /// <summary>Cheap password hashes; production keeps the 220,000-iteration default.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?> { ["Strata:Auth:PasswordIterations"] = "1000" };

    protected override void AddModules(StrataBuilder strata) => strata.AddModule<AuthModule>().AddModule<WorkspacesModule>();
}

/// <summary>Arrange steps: users, and work done as one of them (the scope's tenant).</summary>
internal static class Tenancy
{
    public static async Task<Guid> UserAsync(this TestDatabase db)
    {
        await using var scope = db.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<IPasswordSignIn>()
            .SignUpAsync($"u-{Guid.NewGuid():N}@example.com", "a long enough password", "User", ClientInfo.None);
        return result.User.Id;
    }

    /// <summary>Runs <paramref name="work"/> in a new scope whose tenant is <paramref name="user"/> (null: no tenant).</summary>
    public static async Task<T> AsAsync<T>(this TestDatabase db, Guid? user, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = db.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(user);
        return await work(scope.ServiceProvider);
    }

    public static Task<WorkspaceDto> WorkspaceAsync(this TestDatabase db, Guid owner, string name = "Acme") =>
        db.AsAsync(owner, services => services.GetRequiredService<IWorkspaceService>().CreateAsync(name, null));

    /// <summary>A workspace of <paramref name="owner"/> with a pending invitation, so every table has a row.</summary>
    public static async Task<WorkspaceDto> PopulatedWorkspaceAsync(this TestDatabase db, Guid owner)
    {
        var workspace = await db.WorkspaceAsync(owner);
        await db.AsAsync(owner, services => services.GetRequiredService<IInvitationService>().InviteAsync(workspace.Id, "invitee@example.com", WorkspaceRole.Member));
        return workspace;
    }

    /// <summary>Marks the user's email verified, as confirming the mailed code would (accepting an invitation needs it).</summary>
    public static Task VerifyEmailAsync(this TestDatabase db, Guid user)
    {
        var (id, verified) = db.Provider == DatabaseProvider.Sqlite ? (user.ToString().ToUpperInvariant(), "1") : (user.ToString(), "true");
        return db.ScalarAsync<long>($"UPDATE {db.Table("auth", "users")} SET email_verified = {verified} WHERE public_id = '{id}'; SELECT 1");
    }

    /// <summary>The user's email address, from auth's directory.</summary>
    public static async Task<string> EmailOfAsync(this TestDatabase db, Guid user)
    {
        await using var scope = db.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<IUserDirectory>().FindAsync(user))!.Email;
    }

    /// <summary>The workspace's internal key on PostgreSQL (what raw SQL and the policies use).</summary>
    public static Task<long> InternalIdAsync(this TestDatabase db, WorkspaceDto workspace) =>
        db.ScalarAsync<long>($"SELECT id FROM workspaces.workspaces WHERE public_id = '{workspace.Id}'");
}
