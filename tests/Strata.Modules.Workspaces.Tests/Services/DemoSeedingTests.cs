using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Data.Seeding;
using Strata.Modules.Auth.Seed;
using Strata.Modules.Auth.Services;
using Strata.Modules.Workspaces.Seed;
using Strata.Modules.Workspaces.Services;
using Strata.Testing;

namespace Strata.Modules.Workspaces.Tests.Services;

/// <summary>The demo workspaces: made of auth's demo users, with an owner, an admin and members each, and the same after a second run.</summary>
public sealed class DemoSeedingTests(WorkspacesTestDatabases databases)
{
    private static readonly SeedOptions Demo = new(IncludeDemo: true, Seed: 7);

    [Fact]
    public void The_same_seed_gives_the_same_workspaces()
    {
        var users = AuthDemoUsers.For(7);

        Assert.Equal(Describe(WorkspacesDemoData.For(7, users)), Describe(WorkspacesDemoData.For(7, users)));
        Assert.All(WorkspacesDemoData.For(7, users), w => Assert.True(Slugs.IsValid(w.Slug), w.Slug));
    }

    [Theory, BothProviders]
    public async Task Demo_workspaces_have_an_owner_an_admin_and_members_among_the_demo_users(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        await db.Get<SeedRunner>().SeedAsync(Demo);

        var members = await MembersAsync(db);
        Assert.Equal(WorkspacesDemoData.Count, members.Count);
        Assert.All(members.Values, m =>
        {
            Assert.Single(m, x => x.Role == WorkspaceRole.Owner);
            Assert.Single(m, x => x.Role == WorkspaceRole.Admin);
            Assert.Contains(m, x => x.Role == WorkspaceRole.Member);
        });
        var demoEmails = AuthDemoUsers.For(7).Select(u => u.Email).ToHashSet(StringComparer.Ordinal);
        Assert.All(members.Values.SelectMany(m => m), m => Assert.Contains(m.Email, demoEmails));
        Assert.Contains(members.Values, m => m.Contains((AuthDemoUsers.AdministratorEmail, WorkspaceRole.Owner)));
    }

    [Theory, BothProviders]
    public async Task An_owner_sees_the_demo_workspace_through_the_workspace_service(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await db.Get<SeedRunner>().SeedAsync(Demo);
        var admin = (await db.Get<IUserDirectory>().FindManyByEmailAsync([AuthDemoUsers.AdministratorEmail])).Single();

        var workspaces = await db.AsAsync(admin.Id, services => services.GetRequiredService<IWorkspaceService>().ListAsync());

        Assert.Contains(workspaces, w => w.Role == WorkspaceRole.Owner && w.Slug.StartsWith("demo-", StringComparison.Ordinal));
    }

    [Theory, BothProviders]
    public async Task Demo_seeding_twice_leaves_the_same_workspaces_and_members(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await db.Get<SeedRunner>().SeedAsync(Demo);
        var first = await MembersAsync(db);

        await db.Get<SeedRunner>().SeedAsync(Demo);

        var second = await MembersAsync(db);
        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), second.Keys.Order(StringComparer.Ordinal));
        Assert.All(first, w => Assert.Equal(w.Value.Order(), second[w.Key].Order()));
    }

    private static string Describe(IEnumerable<DemoWorkspace> workspaces) =>
        string.Join('\n', workspaces.Select(w => $"{w.Name}|{w.Slug}|{string.Join(',', w.Members)}"));

    /// <summary>Every workspace's members by email and role, read as the owner role reads them (no tenant).</summary>
    private static async Task<Dictionary<string, List<(string Email, WorkspaceRole Role)>>> MembersAsync(TestDatabase db)
    {
        var context = db.Session.GetContext<WorkspacesDbContext>();
        var rows = await context.Members.IgnoreQueryFilters([StrataQueryFilters.Tenant]).AsNoTracking()
            .Select(m => new { m.Workspace!.Slug, m.UserId, m.Role }).ToListAsync();
        var emails = (await db.Get<IUserDirectory>().FindManyAsync([.. rows.Select(r => r.UserId).Distinct()])).ToDictionary(u => u.Id, u => u.Email);
        return rows.GroupBy(r => r.Slug).ToDictionary(g => g.Key, g => g.Select(r => (emails[r.UserId], r.Role)).ToList(), StringComparer.Ordinal);
    }
}
