using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Sessions;
using Strata.TestModules.Widgets.Repositories;
using Strata.TestModules.Widgets.Schema;
using Strata.Testing;
using Strata.Testing.RoundTrips;

namespace Strata.Data.Tests.Sessions;

/// <summary>
/// Round trips of units of work on PostgreSQL, counted on the wire (see <see cref="RoundTripProxy"/>): the tenant
/// context and <c>READ ONLY</c> travel with the unit's first statement, and a unit adds nothing but its <c>COMMIT</c>.
/// </summary>
public sealed class RoundTripTests(DataTestDatabases databases)
{
    [Fact]
    public async Task A_reading_unit_with_a_tenant_and_one_query_is_two_round_trips()
    {
        await using var proxy = RoundTripProxy.StartForTestServer();
        await using var db = await databases.FreshThroughAsync(proxy);
        var widget = await db.WidgetAsync();

        await proxy.CountAsync(() => InNewScopeAsync(db, Guid.NewGuid(), (session, widgets) =>
            session.InTransactionAsync(token => widgets.FindByPublicIdAsync(widget.PublicId, token), TransactionOptions.Reading)));

        RoundTripAssert.Trips(2, proxy, "BEGIN+read-only+context+query, COMMIT");
    }

    [Fact]
    public async Task A_reading_unit_with_a_tenant_and_two_queries_is_three_round_trips()
    {
        await using var proxy = RoundTripProxy.StartForTestServer();
        await using var db = await databases.FreshThroughAsync(proxy);
        var widget = await db.WidgetAsync();

        await proxy.CountAsync(() => InNewScopeAsync(db, Guid.NewGuid(), (session, widgets) =>
            session.InTransactionAsync(async token =>
            {
                await widgets.FindByPublicIdAsync(widget.PublicId, token);
                return await widgets.CountAsync(cancellationToken: token);
            }, TransactionOptions.Reading)));

        RoundTripAssert.Trips(3, proxy, "BEGIN+read-only+context+first query, second query, COMMIT");
    }

    [Fact]
    public async Task A_writing_unit_with_one_insert_is_two_round_trips()
    {
        await using var proxy = RoundTripProxy.StartForTestServer();
        await using var db = await databases.FreshThroughAsync(proxy);

        await proxy.CountAsync(() => InNewScopeAsync(db, tenant: null, (session, _, categories) =>
            session.InTransactionAsync(token => categories.AddAsync(NewCategory(), token))));

        RoundTripAssert.Trips(2, proxy, "BEGIN+insert, COMMIT");
    }

    [Fact]
    public async Task A_writing_unit_with_a_tenant_and_one_insert_is_two_round_trips()
    {
        await using var proxy = RoundTripProxy.StartForTestServer();
        await using var db = await databases.FreshThroughAsync(proxy);

        await proxy.CountAsync(() => InNewScopeAsync(db, Guid.NewGuid(), (session, _, categories) =>
            session.InTransactionAsync(token => categories.AddAsync(NewCategory(), token))));

        RoundTripAssert.Trips(2, proxy, "BEGIN+context+insert, COMMIT");
    }

    [Fact]
    public async Task A_writing_unit_without_a_tenant_adds_only_its_commit_to_its_statements()
    {
        await using var proxy = RoundTripProxy.StartForTestServer();
        await using var db = await databases.FreshThroughAsync(proxy);

        await proxy.CountAsync(() => InNewScopeAsync(db, tenant: null, (session, widgets, categories) =>
            session.InTransactionAsync(async token =>
            {
                var category = await categories.AddAsync(NewCategory(), token);
                var widget = await widgets.AddAsync(new Widget { Name = UniqueNames.Next("Widget"), Quantity = 1, CategoryId = category.Id }, token);
                return await widgets.FindByPublicIdAsync(widget.PublicId, token);
            })));

        RoundTripAssert.Trips(4, proxy, "BEGIN+first insert, second insert, lookup, COMMIT (three statements + COMMIT)");
    }

    private static WidgetCategory NewCategory() => new() { Name = UniqueNames.Next("Category") };

    private static Task InNewScopeAsync<T>(TestDatabase db, Guid? tenant, Func<DatabaseSession, WidgetRepository, Task<T>> work) =>
        InNewScopeAsync(db, tenant, (session, widgets, _) => work(session, widgets));

    // A new scope as a request has it: its own session, the tenant set before the unit begins.
    private static async Task InNewScopeAsync<T>(
        TestDatabase db, Guid? tenant, Func<DatabaseSession, WidgetRepository, WidgetCategoryRepository, Task<T>> work)
    {
        await using var scope = db.CreateScope();
        var services = scope.ServiceProvider;
        var session = services.GetRequiredService<DatabaseSession>();
        session.Tenant.Set(tenant);
        await work(session, services.GetRequiredService<WidgetRepository>(), services.GetRequiredService<WidgetCategoryRepository>());
    }
}
