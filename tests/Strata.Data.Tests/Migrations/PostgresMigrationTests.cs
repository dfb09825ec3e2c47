using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Data.Migrations;
using Strata.Testing;

namespace Strata.Data.Tests.Migrations;

/// <summary>What only PostgreSQL has: an advisory lock shared by concurrent migrators, and roles with grants.</summary>
public sealed class PostgresMigrationTests(DataTestDatabases databases)
{
    [Fact]
    public async Task Four_concurrent_migrators_apply_each_migration_once()
    {
        await using var db = await databases.EmptyAsync(DatabaseProvider.Postgres);
        var migrators = Enumerable.Range(0, 4).Select(_ => databases.ServicesFor(db)).ToList();

        var runs = await Task.WhenAll(migrators.Select(services => services.GetRequiredService<StrataMigrator>().MigrateAsync()));

        Assert.Equal(3, runs.Sum(r => r.Applied.Count));
        Assert.Equal(2, await db.ScalarAsync<long>("SELECT count(*) FROM widgets.__migrations"));
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT count(*) FROM gadgets.__migrations"));
        foreach (var services in migrators)
        {
            await services.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_run_waiting_for_the_lock_says_which_session_holds_it()
    {
        var logs = new CapturedLogs();
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres,
            new Dictionary<string, string?> { ["Strata:Database:MigrationLockTimeoutSeconds"] = "1" },
            services => services.AddLogging(logging => logging.AddProvider(logs)));
        await using var holder = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.ConnectionString) { ApplicationName = "lock-holder-test", Pooling = false }.ConnectionString);
        await holder.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock.AdvisoryLockKey})", holder))
        {
            await take.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<TransientDatabaseError>(() => db.Root.GetRequiredService<StrataMigrator>().MigrateAsync());

        var holderText = $"pid {holder.ProcessID} (application 'lock-holder-test'";
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Waiting for the migration lock", StringComparison.Ordinal) && e.Message.Contains(holderText, StringComparison.Ordinal));
        Assert.Contains(holderText, error.Message, StringComparison.Ordinal);
        Assert.Equal("migrations.locked", error.Code);
    }

    [Fact]
    public async Task The_application_role_may_change_rows()
    {
        await using var db = await GrantedDatabaseAsync();
        await using var app = await OpenApplicationConnectionAsync(db);

        await ExecuteAsync(app, "INSERT INTO widgets.categories (public_id, name, normalized_name, created_at, updated_at) VALUES (gen_random_uuid(), 'a', 'A', now(), now())");
        await ExecuteAsync(app, "UPDATE widgets.categories SET name = 'b'");
        await ExecuteAsync(app, "DELETE FROM widgets.categories");
    }

    [Theory]
    [InlineData("CREATE TABLE widgets.intruder (id int)")]
    [InlineData("ALTER TABLE widgets.widgets ADD COLUMN intruder int")]
    [InlineData("DROP INDEX widgets.ix_widgets_colour")]
    [InlineData("INSERT INTO widgets.__migrations VALUES ('20990101000000_Forged', '10.0.15')")]
    [InlineData("DELETE FROM strata.repeatable_scripts")]
    public async Task The_application_role_may_not_change_the_schema_or_the_history(string statement)
    {
        await using var db = await GrantedDatabaseAsync();
        await using var app = await OpenApplicationConnectionAsync(db);

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(app, statement));

        Assert.Equal("42501", error.SqlState);
    }

    [Fact]
    public async Task The_application_role_may_read_the_history()
    {
        await using var db = await GrantedDatabaseAsync();
        await using var app = await OpenApplicationConnectionAsync(db);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM widgets.__migrations", app);

        Assert.Equal(2L, await command.ExecuteScalarAsync());
    }

    private async Task<TestDatabase> GrantedDatabaseAsync()
    {
        var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        await databases.GrantedServingSettingsAsync(db);
        return db;
    }

    private static async Task<NpgsqlConnection> OpenApplicationConnectionAsync(TestDatabase db)
    {
        var connection = new NpgsqlConnection(TestEnvironment.PostgresApplication(new NpgsqlConnectionStringBuilder(db.ConnectionString).Database!) + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
