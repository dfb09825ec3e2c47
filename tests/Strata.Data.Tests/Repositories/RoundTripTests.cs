using Microsoft.Extensions.DependencyInjection;
using Strata.TestModules.Widgets.Repositories;
using Strata.Testing.RoundTrips;

namespace Strata.Data.Tests.Repositories;

/// <summary>Round trips of repository reads on PostgreSQL, counted on the wire (see <see cref="RoundTripProxy"/>).</summary>
public sealed class RoundTripTests(DataTestDatabases databases)
{
    [Fact]
    public async Task A_public_read_by_id_in_a_new_scope_is_one_round_trip()
    {
        await using var proxy = RoundTripProxy.StartForTestServer();
        await using var db = await databases.FreshThroughAsync(proxy);
        var widget = await db.WidgetAsync();

        await proxy.CountAsync(async () =>
        {
            await using var scope = db.CreateScope();
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<WidgetRepository>().FindByPublicIdAsync(widget.PublicId));
        });

        RoundTripAssert.Trips(1, proxy, "the lookup alone, outside any transaction");
    }
}
