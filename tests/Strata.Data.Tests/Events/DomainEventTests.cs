using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.TestModules.Gadgets.Repositories;
using Strata.TestModules.Gadgets.Schema;
using Strata.TestModules.Widgets.Repositories;
using Strata.TestModules.Widgets.Services;
using Strata.Testing;

namespace Strata.Data.Tests.Events;

public sealed class DomainEventTests(DataTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Handlers_of_another_module_commit_with_the_publisher(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var (widgetId, gadgetId) = await ArrangeAsync(db, locked: false);

        await db.Get<WidgetService>().RetireAsync(widgetId, CancellationToken.None);

        await using var scope = db.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<WidgetRepository>().FindByPublicIdAsync(widgetId));
        Assert.Null((await scope.ServiceProvider.GetRequiredService<GadgetRepository>().GetByPublicIdAsync(gadgetId)).WidgetId);
    }

    [Theory, BothProviders]
    public async Task A_failing_handler_rolls_back_the_publisher_unit(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var (widgetId, gadgetId) = await ArrangeAsync(db, locked: true);

        var error = await Assert.ThrowsAsync<ConflictError>(() => db.Get<WidgetService>().RetireAsync(widgetId, CancellationToken.None));

        await using var scope = db.CreateScope();
        Assert.Equal("gadgets.locked", error.Code);
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<WidgetRepository>().FindByPublicIdAsync(widgetId));
        Assert.Equal(widgetId, (await scope.ServiceProvider.GetRequiredService<GadgetRepository>().GetByPublicIdAsync(gadgetId)).WidgetId);
    }

    private static Task<(Guid WidgetId, Guid GadgetId)> ArrangeAsync(TestDatabase db, bool locked) =>
        db.Session.InTransactionAsync(async token =>
        {
            var widget = await db.WidgetAsync();
            var gadget = await db.Get<GadgetRepository>().AddAsync(new Gadget { Name = "g", WidgetId = widget.PublicId, IsLocked = locked }, token);
            return (widget.PublicId, gadget.PublicId);
        });
}
