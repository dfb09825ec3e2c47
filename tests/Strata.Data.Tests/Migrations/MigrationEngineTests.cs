using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Data.Migrations;
using Strata.Testing;

namespace Strata.Data.Tests.Migrations;

public sealed class MigrationEngineTests(DataTestDatabases databases)
{
    private const string Initial = "Initial";
    private const string AddColour = "AddColour";

    [Theory, BothProviders]
    public async Task Migrating_an_empty_database_applies_each_migration_once_in_dependency_order(DatabaseProvider provider)
    {
        await using var db = await databases.EmptyAsync(provider);

        var run = await Migrator(db).MigrateAsync();

        Assert.Equal(["widgets/Initial", "widgets/AddColour", "gadgets/Initial"], run.Applied.Select(Name));
        Assert.Empty(run.Reverted);
    }

    [Theory, BothProviders]
    public async Task Status_lists_applied_migrations_with_the_time_of_the_last(DatabaseProvider provider)
    {
        await using var db = await databases.EmptyAsync(provider);
        var before = DateTime.UtcNow.AddSeconds(-1);
        await Migrator(db).MigrateAsync();

        var widgets = (await Migrator(db).GetStatusAsync()).Single(s => s.Module == "widgets");

        Assert.Equal(provider, widgets.Provider);
        Assert.Equal([Initial, AddColour], widgets.Applied.Select(Short));
        Assert.Empty(widgets.Pending);
        Assert.EndsWith(AddColour, widgets.LastApplied, StringComparison.Ordinal);
        Assert.InRange(widgets.LastAppliedAt!.Value, before, DateTime.UtcNow.AddSeconds(1));
    }

    [Theory, BothProviders]
    public async Task Rolling_back_by_steps_reverts_the_newest_migrations(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var run = await Migrator(db).RollbackAsync("widgets", steps: 1);

        Assert.Equal(["widgets/AddColour"], run.Reverted.Select(Name));
        Assert.Equal([AddColour], (await Migrator(db).GetStatusAsync()).Single(s => s.Module == "widgets").Pending.Select(Short));
        Assert.Equal(0, await ColumnCountAsync(db, "colour"));
    }

    [Theory, BothProviders]
    public async Task Rolling_back_to_a_named_migration_keeps_that_migration(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var run = await Migrator(db).RollbackAsync("widgets", to: Initial);

        Assert.Equal(["widgets/AddColour"], run.Reverted.Select(Name));
        Assert.Equal([Initial], (await Migrator(db).GetStatusAsync()).Single(s => s.Module == "widgets").Applied.Select(Short));
    }

    [Theory, BothProviders]
    public async Task Migrating_after_a_rollback_applies_the_reverted_migration_again(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await Migrator(db).RollbackAsync("widgets", steps: 1);

        var run = await Migrator(db).MigrateAsync();

        Assert.Equal(["widgets/AddColour"], run.Applied.Select(Name));
        Assert.Equal(1, await ColumnCountAsync(db, "colour"));
    }

    [Theory, BothProviders]
    public async Task One_module_migrates_to_a_target(DatabaseProvider provider)
    {
        await using var db = await databases.EmptyAsync(provider);

        var run = await Migrator(db).MigrateAsync("widgets", Initial);

        Assert.Equal(["widgets/Initial"], run.Applied.Select(Name));
        Assert.Equal(2, (await Migrator(db).GetStatusAsync()).Sum(s => s.Pending.Count));
    }

    [Theory, BothProviders]
    public async Task A_module_is_not_migrated_before_the_modules_it_depends_on(DatabaseProvider provider)
    {
        await using var db = await databases.EmptyAsync(provider);

        var error = await Assert.ThrowsAsync<ConflictError>(() => Migrator(db).MigrateAsync("gadgets"));

        Assert.Equal("migrations.dependency_pending", error.Code);
        Assert.Contains("'widgets'", error.Message, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Rolling_a_module_back_entirely_is_refused_while_a_dependant_is_migrated(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var error = await Assert.ThrowsAsync<ConflictError>(() => Migrator(db).RollbackAsync("widgets", steps: 2));

        Assert.Equal("migrations.dependants_migrated", error.Code);
        Assert.Contains("'gadgets'", error.Message, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Rolling_back_to_an_unknown_migration_is_a_validation_error(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var error = await Assert.ThrowsAsync<ValidationError>(() => Migrator(db).RollbackAsync("widgets", to: "NoSuchMigration"));

        Assert.Equal("migrations.unknown_target", error.Code);
    }

    [Theory, BothProviders]
    public async Task An_unknown_module_is_named_in_the_error(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var error = await Assert.ThrowsAsync<NotFoundError>(() => Migrator(db).MigrateAsync("sprockets"));

        Assert.Contains("'sprockets'", error.Message, StringComparison.Ordinal);
        Assert.Contains("widgets, gadgets", error.Message, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Repeatable_scripts_are_applied_once_while_unchanged(DatabaseProvider provider)
    {
        await using var db = await databases.EmptyAsync(provider);

        var first = await Migrator(db).MigrateAsync();
        var second = await Migrator(db).MigrateAsync();

        Assert.Single(first.Scripts, s => s.StartsWith("widgets/010_", StringComparison.Ordinal));
        Assert.Empty(second.Scripts);
    }

    [Theory, BothProviders]
    public async Task A_changed_repeatable_script_is_applied_again(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await MarkScriptsChangedAsync(db);

        var run = await Migrator(db).MigrateAsync();

        Assert.Single(run.Scripts, s => s.StartsWith("widgets/010_", StringComparison.Ordinal));
        Assert.Empty(await Migrator(db).VerifyAsync());
    }

    [Theory, BothProviders]
    public async Task Repeatable_scripts_are_applied_again_after_a_rollback(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var run = await Migrator(db).RollbackAsync("widgets", steps: 1);

        Assert.Single(run.Scripts, s => s.StartsWith("widgets/010_", StringComparison.Ordinal));
    }

    [Theory, BothProviders]
    public async Task Verify_finds_nothing_on_a_database_at_head(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        Assert.Empty(await Migrator(db).VerifyAsync());
    }

    [Theory, BothProviders]
    public async Task Verify_reports_a_column_added_by_hand(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await db.ScalarAsync<long>($"ALTER TABLE {db.Table("widgets", "widgets")} ADD COLUMN sneaky integer; SELECT 1");

        var finding = Assert.Single(await Migrator(db).VerifyAsync());

        Assert.Contains("column sneaky is in the database but not in the model", finding, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Verify_reports_a_dropped_index(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var index = provider == DatabaseProvider.Postgres ? "widgets.ix_widgets_colour" : "ix_widgets_widgets_colour";
        await db.ScalarAsync<long>($"DROP INDEX {index}; SELECT 1");

        var finding = Assert.Single(await Migrator(db).VerifyAsync());

        Assert.Contains("index ", finding, StringComparison.Ordinal);
        Assert.Contains("_colour is in the model but missing from the database", finding, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Verify_reports_pending_migrations_and_changed_scripts(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await Migrator(db).RollbackAsync("widgets", steps: 1);
        await MarkScriptsChangedAsync(db);

        var findings = await Migrator(db).VerifyAsync();

        Assert.Contains(findings, f => f.StartsWith("widgets: migration ", StringComparison.Ordinal) && f.EndsWith("_AddColour is pending", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("widgets: repeatable script 010_", StringComparison.Ordinal) && f.EndsWith("has changed and is not applied", StringComparison.Ordinal));
    }

    [Theory, BothProviders]
    public async Task Verify_reports_an_applied_migration_missing_from_the_code(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var history = provider == DatabaseProvider.Postgres ? "widgets.__migrations" : "widgets__migrations";
        await db.ScalarAsync<long>($"INSERT INTO {history} (\"MigrationId\", \"ProductVersion\") VALUES ('20990101000000_FromTheFuture', '10.0.15'); SELECT 1");

        var findings = await Migrator(db).VerifyAsync();

        Assert.Contains("widgets: migration 20990101000000_FromTheFuture is applied but missing from the code", findings);
    }

    // With a gap in the history the engine hands EF no target, so EF checks the model for changes no migration covers.
    [Theory, BothProviders]
    public async Task Migrating_with_a_migration_in_the_history_the_code_lacks_applies_the_pending_ones(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await Migrator(db).RollbackAsync("widgets", steps: 1);
        var history = provider == DatabaseProvider.Postgres ? "widgets.__migrations" : "widgets__migrations";
        await db.ScalarAsync<long>($"INSERT INTO {history} (\"MigrationId\", \"ProductVersion\") VALUES ('20990101000000_FromTheFuture', '10.0.15'); SELECT 1");

        var run = await Migrator(db).MigrateAsync();

        Assert.Equal(["widgets/AddColour"], run.Applied.Select(Name));
        Assert.Equal(1, await ColumnCountAsync(db, "colour"));
    }

    [Theory, BothProviders]
    public async Task A_script_covers_the_migrations_of_a_range(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var script = await Migrator(db).ScriptAsync("widgets", from: Initial, to: AddColour);

        Assert.Contains("colour", script, StringComparison.Ordinal);
        Assert.DoesNotContain("CREATE TABLE", script, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Reset_drops_all_data_and_migrates_again(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await db.Session.InTransactionAsync(_ => db.WidgetAsync());

        var run = await Migrator(db).ResetAsync();

        Assert.Equal(3, run.Applied.Count);
        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("widgets", "widgets")}"));
        Assert.Empty(await Migrator(db).VerifyAsync());
    }

    [Theory, BothProviders]
    public async Task Reset_is_refused_in_production(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider, settings: null,
            services => services.AddSingleton<IHostEnvironment>(new ProductionEnvironment()));

        var error = await Assert.ThrowsAsync<ForbiddenError>(() => Migrator(db).ResetAsync());

        Assert.Equal("migrations.reset_refused", error.Code);
    }

    private static StrataMigrator Migrator(TestDatabase db) => db.Root.GetRequiredService<StrataMigrator>();

    private static string Name(ModuleMigration migration) => $"{migration.Module}/{Short(migration.Migration)}";

    private static string Short(string migrationId) => migrationId[(migrationId.IndexOf('_', StringComparison.Ordinal) + 1)..];

    private static Task<long> ColumnCountAsync(TestDatabase db, string column) => db.ScalarAsync<long>(db.Provider == DatabaseProvider.Postgres
        ? $"SELECT count(*) FROM information_schema.columns WHERE table_schema = 'widgets' AND table_name = 'widgets' AND column_name = '{column}'"
        : $"SELECT count(*) FROM pragma_table_info('widgets_widgets') WHERE name = '{column}'");

    // The script text in the assembly stays the same; the recorded checksum going stale is the same fact seen from the database.
    private static Task<long> MarkScriptsChangedAsync(TestDatabase db) => db.ScalarAsync<long>(
        $"UPDATE {(db.Provider == DatabaseProvider.Postgres ? "strata.repeatable_scripts" : "strata_repeatable_scripts")} SET checksum = 'stale' WHERE module = 'widgets'; SELECT 1");

    private sealed class ProductionEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "Strata.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
