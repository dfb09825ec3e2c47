using Npgsql;
using Strata.Data.Configuration;
using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary>What an operator reads when a command fails for a reason outside Strata: the cause, named, with a stable code.</summary>
public sealed class OperatorMessageTests(CliTestDatabases databases)
{
    [Fact]
    public async Task A_wrong_password_names_the_role_and_hides_the_password()
    {
        var wrong = new NpgsqlConnectionStringBuilder(TestEnvironment.RequirePostgres()) { Password = "not-the-password" };

        var result = await StrataProcess.RunAsync(["db", "status", "--provider", "Postgres", "--connection", wrong.ConnectionString]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Authentication failed for role '{wrong.Username}'", result.Error, StringComparison.Ordinal);
        Assert.Contains("(database.authentication_failed)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_database_is_named()
    {
        var missing = new NpgsqlConnectionStringBuilder(TestEnvironment.RequirePostgres()) { Database = "strata_no_such_database" };

        var result = await StrataProcess.RunAsync(["db", "status", "--provider", "Postgres", "--connection", missing.ConnectionString]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Database 'strata_no_such_database' does not exist", result.Error, StringComparison.Ordinal);
        Assert.Contains("(database.unknown_database)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_named_by_host_and_port()
    {
        var closed = new NpgsqlConnectionStringBuilder(TestEnvironment.RequirePostgres()) { Host = "127.0.0.1", Port = 1 };

        var result = await StrataProcess.RunAsync(["db", "status", "--provider", "Postgres", "--connection", closed.ConnectionString]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("127.0.0.1:1", result.Error, StringComparison.Ordinal);
        Assert.Contains("(database.unavailable)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrating_with_the_application_role_says_that_role_may_not_run_migrations()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var application = TestEnvironment.PostgresApplication(new NpgsqlConnectionStringBuilder(db.ConnectionString).Database!);

        var result = await StrataProcess.RunAsync(["db", "migrate", "--provider", "Postgres", "--connection", application]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Role '{new NpgsqlConnectionStringBuilder(application).Username}' may not run migrations", result.Error, StringComparison.Ordinal);
        Assert.Contains("(migrations.role_not_owner)", result.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_lock_timeout_during_a_migration_names_the_table()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var rollback = await StrataProcess.RunAsync(db, "db", "rollback", "--module", "widgets", "--steps", "1");
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        await using var reader = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ConnectionString);
        await reader.OpenAsync();
        await using var transaction = await reader.BeginTransactionAsync();
        await using (var read = new NpgsqlCommand("SELECT count(*) FROM widgets.widgets", reader, transaction))
        {
            await read.ExecuteScalarAsync();
        }

        var result = await StrataProcess.RunAsync(
            ["db", "migrate", "--provider", "Postgres", "--connection", db.ConnectionString],
            variables: new Dictionary<string, string> { ["Strata__Database__LockTimeoutMs"] = "300" });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Lock timeout on table widgets.widgets", result.Error, StringComparison.Ordinal);
        Assert.Contains("(database.lock_timeout)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sqlite_file_in_a_missing_folder_names_the_folder()
    {
        var result = await StrataProcess.RunAsync(["db", "status", "--provider", "Sqlite", "--connection", "Data Source=/strata-no-such-folder/strata.db"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/strata-no-such-folder/strata.db could not be opened: the folder /strata-no-such-folder does not exist", result.Error, StringComparison.Ordinal);
        Assert.Contains("(database.unavailable)", result.Error, StringComparison.Ordinal);
    }

    // /proc refuses new files even to root, so this holds wherever the tests run.
    [Fact]
    public async Task A_sqlite_file_in_a_folder_that_cannot_be_written_names_the_folder()
    {
        var result = await StrataProcess.RunAsync(["db", "status", "--provider", "Sqlite", "--connection", "Data Source=/proc/strata.db"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/proc/strata.db could not be opened: the folder /proc cannot be written", result.Error, StringComparison.Ordinal);
    }
}
