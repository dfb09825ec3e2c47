using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Migrations;
using Strata.Testing;

namespace Strata.Data.Tests.Migrations;

public sealed class MigrationTests(DataTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Migrating_an_empty_database_applies_every_module(DatabaseProvider provider)
    {
        await using var db = await databases.EmptyAsync(provider);
        var migrator = db.Root.GetRequiredService<StrataMigrator>();

        await migrator.MigrateAsync();

        var pending = await migrator.GetPendingMigrationsAsync();
        Assert.Equal(["widgets", "gadgets"], pending.Keys);
        Assert.All(pending.Values, Assert.Empty);
        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("gadgets", "gadgets")}"));
    }

    [Theory, BothProviders]
    public async Task An_empty_database_reports_every_migration_pending(DatabaseProvider provider)
    {
        await using var db = await databases.EmptyAsync(provider);

        var pending = await db.Root.GetRequiredService<StrataMigrator>().GetPendingMigrationsAsync();

        Assert.Equal(2, pending["widgets"].Count);
        Assert.Single(pending["gadgets"]);
    }

    [Theory, BothProviders]
    public async Task Each_module_keeps_its_own_history_table(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var history = provider == DatabaseProvider.Postgres
            ? await db.ScalarAsync<long>("SELECT count(*) FROM widgets.__migrations") + await db.ScalarAsync<long>("SELECT count(*) FROM gadgets.__migrations")
            : await db.ScalarAsync<long>("SELECT count(*) FROM widgets__migrations") + await db.ScalarAsync<long>("SELECT count(*) FROM gadgets__migrations");

        Assert.Equal(3, history);
    }

    [Theory, BothProviders]
    public async Task Migrating_twice_changes_nothing(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await db.Session.InTransactionAsync(_ => db.WidgetAsync());

        await db.Root.GetRequiredService<StrataMigrator>().MigrateAsync();

        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("widgets", "widgets")}"));
    }

    [Theory, BothProviders]
    public async Task Repeatable_scripts_are_applied_after_migrations(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await db.Session.InTransactionAsync(_ => db.WidgetAsync());

        var live = provider == DatabaseProvider.Postgres
            ? await db.ScalarAsync<long>("SELECT widgets.live_widget_count()")
            : await db.ScalarAsync<long>("SELECT count(*) FROM widgets_live_widgets");

        Assert.Equal(1, live);
    }
}
