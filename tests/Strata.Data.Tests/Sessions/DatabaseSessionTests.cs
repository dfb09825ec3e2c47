using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Sessions;
using Strata.TestModules.Gadgets.Repositories;
using Strata.TestModules.Gadgets.Schema;
using Strata.TestModules.Widgets.Repositories;
using Strata.Testing;

namespace Strata.Data.Tests.Sessions;

/// <summary>What a session holds for its scope: one connection, the module contexts it leases, and their shared transaction.</summary>
public sealed class DatabaseSessionTests(DataTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task One_transaction_spans_the_contexts_of_two_modules(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        Guid widgetId = default, gadgetId = default;

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Session.InTransactionAsync(async token =>
        {
            widgetId = (await db.WidgetAsync()).PublicId;
            gadgetId = (await db.Get<GadgetRepository>().AddAsync(new Gadget { Name = "g", WidgetId = widgetId }, token)).PublicId;
            throw new InvalidOperationException("roll both back");
        }));

        await using var scope = db.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<WidgetRepository>().FindByPublicIdAsync(widgetId));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<GadgetRepository>().FindByPublicIdAsync(gadgetId));
    }

    [Theory, BothProviders]
    public async Task Both_module_contexts_share_the_scope_connection(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);

        var widgets = db.Get<TestModules.Widgets.WidgetsDbContext>().Database.GetDbConnection();
        var gadgets = db.Get<TestModules.Gadgets.GadgetsDbContext>().Database.GetDbConnection();

        Assert.Same(widgets, gadgets);
    }

    [Theory, BothProviders]
    public async Task A_context_returned_at_scope_end_serves_the_next_scope_with_its_connection(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var widget = await db.Session.InTransactionAsync(_ => db.WidgetAsync());
        TestModules.Widgets.WidgetsDbContext first;
        await using (var scope = db.CreateScope())
        {
            first = scope.ServiceProvider.GetRequiredService<TestModules.Widgets.WidgetsDbContext>();
            await first.Widgets.CountAsync();
        }

        await using var next = db.CreateScope();
        var second = next.ServiceProvider.GetRequiredService<TestModules.Widgets.WidgetsDbContext>();
        var found = await next.ServiceProvider.GetRequiredService<WidgetRepository>().FindByPublicIdAsync(widget.PublicId);

        Assert.Same(first, second);
        Assert.Same(next.ServiceProvider.GetRequiredService<DatabaseSession>().Connection, second.Database.GetDbConnection());
        Assert.NotNull(found);
    }
}
