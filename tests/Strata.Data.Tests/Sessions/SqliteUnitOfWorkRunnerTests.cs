using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Testing;

namespace Strata.Data.Tests.Sessions;

/// <summary>Unit-of-work behaviour only SQLite can show: a writer waiting on the database file lock, readers that do not take it.</summary>
public sealed class SqliteUnitOfWorkRunnerTests(DataTestDatabases databases)
{
    [Fact]
    public async Task A_busy_database_file_retries_the_whole_unit()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Strata:Database:CommandTimeoutSeconds"] = "1",
            ["Strata:Database:SqliteBusyTimeoutMs"] = "50",
            ["Strata:Database:MaxRetryAttempts"] = "5",
            ["Strata:Database:RetryBaseDelayMs"] = "10",
        });
        await using var blocker = new Microsoft.Data.Sqlite.SqliteConnection(db.ConnectionString);
        await blocker.OpenAsync();
        var writeLock = (Microsoft.Data.Sqlite.SqliteTransaction)await blocker.BeginTransactionAsync();
        using var retries = new RetryProbe("Sqlite", onFirstRetry: () => writeLock.Rollback());
        var attempts = 0;

        await db.Session.InTransactionAsync(async _ =>
        {
            attempts++;
            await db.WidgetAsync();
        });

        Assert.True(retries.Count >= 1);
        Assert.Equal(1, attempts);
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT count(*) FROM widgets_widgets"));
    }

    [Fact]
    public async Task A_reading_unit_leaves_the_write_lock_to_writers()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Strata:Database:SqliteBusyTimeoutMs"] = "50",
            ["Strata:Database:MaxRetryAttempts"] = "0",
        });
        await using var writer = db.CreateScope();
        var writerSession = writer.ServiceProvider.GetRequiredService<Strata.Data.Sessions.DatabaseSession>();

        var written = await db.Session.InTransactionAsync(async token =>
        {
            await db.Get<TestModules.Widgets.Repositories.WidgetRepository>().CountAsync(cancellationToken: token);
            // Inside the reading unit, another scope writes and commits without waiting for it.
            return await writerSession.InTransactionAsync(_ => writer.ServiceProvider.GetRequiredService<TestModules.Widgets.Repositories.WidgetCategoryRepository>()
                .AddAsync(new TestModules.Widgets.Schema.WidgetCategory { Name = UniqueNames.Next("Category") }), cancellationToken: token);
        }, Strata.Data.Sessions.TransactionOptions.Reading);

        Assert.NotEqual(Guid.Empty, written.PublicId);
    }
}
