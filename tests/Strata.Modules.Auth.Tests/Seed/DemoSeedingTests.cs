using System.Text.RegularExpressions;
using Strata.Data.Configuration;
using Strata.Data.Seeding;
using Strata.Modules.Auth.Seed;
using Strata.Modules.Auth.Services;
using Strata.Testing;

namespace Strata.Modules.Auth.Tests;

/// <summary>The demo users: who they are for a seed, the passwords the seed run hands back, and a second run.</summary>
public sealed partial class DemoSeedingTests(AuthTestDatabases databases)
{
    private static readonly SeedOptions Demo = new(IncludeDemo: true, Seed: 7);

    [Fact]
    public void The_same_seed_gives_the_same_demo_users_and_another_seed_others()
    {
        Assert.Equal(AuthDemoUsers.For(7), AuthDemoUsers.For(7));
        Assert.NotEqual(AuthDemoUsers.For(7).Skip(1), AuthDemoUsers.For(8).Skip(1));
        Assert.Equal(AuthDemoUsers.MemberCount + 1, AuthDemoUsers.For(7).Select(u => u.Email).Distinct(StringComparer.Ordinal).Count());
        Assert.Single(AuthDemoUsers.For(7), u => u.Administrator);
        Assert.All(AuthDemoUsers.For(7), u => Assert.True(EmailAddresses.IsValid(u.Email), u.Email));
    }

    [Theory, BothProviders]
    public async Task The_printed_passwords_sign_the_demo_users_in_and_the_admin_holds_every_permission(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var run = await db.Get<SeedRunner>().SeedAsync(Demo);

        var printed = run.Notes.Select(n => Password().Match(n.Text)).Where(m => m.Success).ToDictionary(m => m.Groups["email"].Value, m => m.Groups["password"].Value);
        Assert.Equal(AuthDemoUsers.For(7).Select(u => u.Email), printed.Keys);
        foreach (var (email, password) in printed)
        {
            var signedIn = await db.Get<IPasswordSignIn>().SignInAsync(email, password, ClientInfo.None);
            Assert.Equal(email, signedIn.User.Email);
            Assert.True(signedIn.User.EmailVerified);
            Assert.Equal(email == AuthDemoUsers.AdministratorEmail, await db.Get<IPermissionService>().HasPermissionAsync(signedIn.User.Id, AuthModule.RbacManage));
        }
    }

    [Theory, BothProviders]
    public async Task Demo_seeding_twice_keeps_the_users_and_their_passwords(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var first = await db.Get<SeedRunner>().SeedAsync(Demo);
        var (email, password) = first.Notes.Select(n => Password().Match(n.Text)).Where(m => m.Success)
            .Select(m => (m.Groups["email"].Value, m.Groups["password"].Value)).First();

        var second = await db.Get<SeedRunner>().SeedAsync(Demo);

        Assert.Equal(AuthDemoUsers.MemberCount + 1, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("auth", "users")}"));
        Assert.All(second.Notes, n => Assert.EndsWith("exists already; its password is unchanged.", n.Text, StringComparison.Ordinal));
        Assert.Equal(email, (await db.Get<IPasswordSignIn>().SignInAsync(email, password, ClientInfo.None)).User.Email);
    }

    [GeneratedRegex(@"^(?<email>\S+@\S+)( \(admin\))? password: (?<password>\S+)$")]
    private static partial Regex Password();
}
