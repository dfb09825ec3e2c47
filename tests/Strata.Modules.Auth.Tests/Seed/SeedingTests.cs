using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Seeding;
using Strata.Testing;

namespace Strata.Modules.Auth.Tests;

public sealed class SeedingTests(AuthTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Reference_seeding_twice_leaves_the_same_roles_and_grants(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var seeds = db.Root.GetRequiredService<SeedRunner>();

        await seeds.SeedAsync(new SeedOptions());
        var first = await CountsAsync(db);
        await seeds.SeedAsync(new SeedOptions());

        Assert.Equal((3L, 3L, 3L), first);
        Assert.Equal(first, await CountsAsync(db));
    }

    private static async Task<(long Roles, long Permissions, long Grants)> CountsAsync(TestDatabase db) => (
        await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("auth", "roles")}"),
        await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("auth", "permissions")}"),
        await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("auth", "role_permissions")}"));
}
