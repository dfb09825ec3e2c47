using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Data.Sessions;
using Strata.TestModules.Widgets.Repositories;
using Strata.Testing;

namespace Strata.Data.Tests.Sessions;

/// <summary>How units of work run, on both providers: commit, rollback, nesting and savepoints.</summary>
public sealed class UnitOfWorkRunnerTests(DataTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task A_committed_unit_is_visible_to_another_scope(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var widget = await db.Session.InTransactionAsync(_ => db.WidgetAsync());

        Assert.True(await WidgetExistsElsewhereAsync(db, widget.PublicId));
    }

    [Theory, BothProviders]
    public async Task A_failing_unit_rolls_back_everything_it_wrote(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        Guid written = default;

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Session.InTransactionAsync(async _ =>
        {
            written = (await db.WidgetAsync()).PublicId;
            throw new InvalidOperationException("the business rule said no");
        }));

        Assert.False(await WidgetExistsElsewhereAsync(db, written));
    }

    [Theory, BothProviders]
    public async Task Pending_changes_are_saved_when_the_unit_commits(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var widget = await db.Session.InTransactionAsync(_ => db.WidgetAsync(quantity: 1));

        await db.Session.InTransactionAsync(async token =>
        {
            var tracked = await db.Get<WidgetRepository>().GetTrackedAsync(widget.PublicId, token);
            tracked.Quantity = 42;
        });

        await using var scope = db.CreateScope();
        Assert.Equal(42, (await scope.ServiceProvider.GetRequiredService<WidgetRepository>().GetByPublicIdAsync(widget.PublicId)).Quantity);
    }

    [Theory, BothProviders]
    public async Task A_nested_unit_joins_the_outer_transaction(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        Guid inner = default;

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Session.InTransactionAsync(async token =>
        {
            inner = await db.Session.InTransactionAsync(async _ => (await db.WidgetAsync()).PublicId, cancellationToken: token);
            throw new InvalidOperationException("outer fails after inner succeeded");
        }));

        Assert.False(await WidgetExistsElsewhereAsync(db, inner));
    }

    [Theory, BothProviders]
    public async Task A_failing_savepoint_unit_rolls_back_only_its_part(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        Guid kept = default, discarded = default;

        await db.Session.InTransactionAsync(async token =>
        {
            kept = (await db.WidgetAsync()).PublicId;
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.Session.InTransactionAsync(async _ =>
            {
                discarded = (await db.WidgetAsync()).PublicId;
                throw new InvalidOperationException("only this part fails");
            }, new TransactionOptions { Savepoint = true }, token));
        });

        Assert.True(await WidgetExistsElsewhereAsync(db, kept));
        Assert.False(await WidgetExistsElsewhereAsync(db, discarded));
    }

    [Theory, BothProviders]
    public async Task A_database_error_inside_a_savepoint_leaves_the_outer_unit_usable(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var name = UniqueNames.Next("Twice");
        Guid after = default;

        await db.Session.InTransactionAsync(async token =>
        {
            var category = await db.CategoryAsync();
            await db.WidgetAsync(name, category: category);
            await Assert.ThrowsAsync<ConflictError>(() => db.Session.InTransactionAsync(
                _ => db.WidgetAsync(name, category: category), new TransactionOptions { Savepoint = true }, token));
            after = (await db.WidgetAsync(category: category)).PublicId;
        });

        Assert.True(await WidgetExistsElsewhereAsync(db, after));
    }

    private static async Task<bool> WidgetExistsElsewhereAsync(TestDatabase db, Guid publicId)
    {
        await using var scope = db.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WidgetRepository>().FindByPublicIdAsync(publicId) is not null;
    }
}
