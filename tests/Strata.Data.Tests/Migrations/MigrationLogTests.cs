using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Migrations;
using Strata.Testing;

namespace Strata.Data.Tests.Migrations;

/// <summary>
/// Strata's migration log against EF's history: a run stopped between EF's commit and the log insert leaves them
/// apart; verify reports that, and the next migrate, rollback or status makes the log agree with the history again.
/// </summary>
public sealed class MigrationLogTests(DataTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Verify_reports_a_migration_the_history_has_and_the_log_does_not(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var addColour = await LatestWidgetsMigrationAsync(db);
        await ForgetLogOfAsync(db, addColour);

        var findings = await Migrator(db).VerifyAsync();

        Assert.Contains($"widgets: migration {addColour} is in the history but the migration log does not record it as applied", findings);
    }

    [Theory, BothProviders]
    public async Task Verify_reports_a_migration_the_log_records_as_applied_and_the_history_does_not(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var addColour = await LatestWidgetsMigrationAsync(db);
        await Migrator(db).RollbackAsync("widgets", steps: 1);
        await db.ScalarAsync<long>($"DELETE FROM {Log(db)} WHERE action = 'reverted'; SELECT 1");

        var findings = await Migrator(db).VerifyAsync();

        Assert.Contains($"widgets: the migration log records migration {addColour} as applied but the history does not have it", findings);
    }

    [Theory, BothProviders]
    public async Task Migrating_logs_a_migration_the_history_has_and_the_log_does_not(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var addColour = await LatestWidgetsMigrationAsync(db);
        await ForgetLogOfAsync(db, addColour);

        await Migrator(db).MigrateAsync();

        Assert.Equal("applied", await LastActionAsync(db, addColour));
        Assert.Empty(await Migrator(db).VerifyAsync());
    }

    [Theory, BothProviders]
    public async Task Status_shows_when_a_migration_was_applied_after_the_log_insert_was_lost(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var addColour = await LatestWidgetsMigrationAsync(db);
        await ForgetLogOfAsync(db, addColour);
        var before = DateTime.UtcNow.AddSeconds(-1);

        var widgets = (await Migrator(db).GetStatusAsync()).Single(s => s.Module == "widgets");

        Assert.InRange(widgets.LastAppliedAt!.Value, before, DateTime.UtcNow.AddSeconds(1));
    }

    [Theory, BothProviders]
    public async Task A_log_that_ends_with_reverted_for_an_applied_migration_is_corrected(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var addColour = await LatestWidgetsMigrationAsync(db);
        await db.ScalarAsync<long>(
            $"INSERT INTO {Log(db)} (module, migration, action, at) VALUES ('widgets', '{addColour}', 'reverted', '2026-01-01T00:00:00.0000000Z'); SELECT 1");
        var before = DateTime.UtcNow.AddSeconds(-1);

        var widgets = (await Migrator(db).GetStatusAsync()).Single(s => s.Module == "widgets");

        Assert.Equal("applied", await LastActionAsync(db, addColour));
        Assert.InRange(widgets.LastAppliedAt!.Value, before, DateTime.UtcNow.AddSeconds(1));
    }

    [Theory, BothProviders]
    public async Task The_next_run_logs_a_revert_the_log_missed_before_applying_again(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var addColour = await LatestWidgetsMigrationAsync(db);
        await Migrator(db).RollbackAsync("widgets", steps: 1);
        await db.ScalarAsync<long>($"DELETE FROM {Log(db)} WHERE action = 'reverted'; SELECT 1");

        await Migrator(db).MigrateAsync();

        Assert.Equal(["applied", "reverted", "applied"], await ActionsAsync(db, addColour));
        Assert.Empty(await Migrator(db).VerifyAsync());
    }

    private static StrataMigrator Migrator(TestDatabase db) => db.Root.GetRequiredService<StrataMigrator>();

    private static string Log(TestDatabase db) => db.Provider == DatabaseProvider.Postgres ? "strata.migration_log" : "strata_migration_log";

    private static async Task<string> LatestWidgetsMigrationAsync(TestDatabase db) =>
        (await Migrator(db).GetStatusAsync()).Single(s => s.Module == "widgets").LastApplied!;

    // What a kill between EF's commit and Strata's insert leaves: the history row without its log row.
    private static Task<long> ForgetLogOfAsync(TestDatabase db, string migration) =>
        db.ScalarAsync<long>($"DELETE FROM {Log(db)} WHERE module = 'widgets' AND migration = '{migration}'; SELECT 1");

    private static Task<string> LastActionAsync(TestDatabase db, string migration) =>
        db.ScalarAsync<string>($"SELECT action FROM {Log(db)} WHERE module = 'widgets' AND migration = '{migration}' ORDER BY id DESC LIMIT 1");

    private static async Task<List<string>> ActionsAsync(TestDatabase db, string migration)
    {
        var connection = db.Session.Connection;
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT action FROM {Log(db)} WHERE module = 'widgets' AND migration = '{migration}' ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var actions = new List<string>();
        while (await reader.ReadAsync())
        {
            actions.Add(reader.GetString(0));
        }

        return actions;
    }
}
