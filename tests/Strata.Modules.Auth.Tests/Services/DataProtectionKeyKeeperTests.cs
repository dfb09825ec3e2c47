using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Strata.Data.Configuration;
using Strata.Modules.Auth.Services;
using Strata.Testing;

namespace Strata.Modules.Auth.Tests;

public sealed class DataProtectionKeyKeeperTests(AuthTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task The_keeper_stores_a_key_in_the_database_and_the_next_one_a_week_ahead(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        await using var db = await databases.FreshAsync(provider, services: services => services.AddSingleton<TimeProvider>(clock));
        var keeper = db.Root.GetRequiredService<DataProtectionKeyKeeper>();
        var keys = $"SELECT count(*) FROM {db.Table("auth", "data_protection_keys")}";

        keeper.EnsureKeyAhead();
        keeper.EnsureKeyAhead();
        var first = await db.ScalarAsync<long>(keys);
        clock.Advance(TimeSpan.FromDays(84));
        keeper.EnsureKeyAhead();

        Assert.Equal(1, first);
        Assert.Equal(2, await db.ScalarAsync<long>(keys));
    }
}
