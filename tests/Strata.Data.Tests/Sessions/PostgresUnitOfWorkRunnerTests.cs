using Microsoft.EntityFrameworkCore;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Testing;

namespace Strata.Data.Tests.Sessions;

/// <summary>Unit-of-work behaviour only PostgreSQL can show: server-raised transient failures and transaction-local tenant settings.</summary>
public sealed class PostgresUnitOfWorkRunnerTests(DataTestDatabases databases)
{
    [Fact]
    public async Task A_serialization_failure_retries_the_whole_unit()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var attempts = 0;

        await db.Session.InTransactionAsync(async token =>
        {
            attempts++;
            await db.WidgetAsync(UniqueNames.Next("Retried"));
            if (attempts == 1)
            {
                await db.Get<TestModules.Widgets.WidgetsDbContext>().Database.ExecuteSqlRawAsync(
                    "DO $$ BEGIN RAISE EXCEPTION 'forced conflict' USING ERRCODE = '40001'; END $$", token);
            }
        });

        Assert.Equal(2, attempts);
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT count(*) FROM widgets.widgets"));
    }

    [Fact]
    public async Task A_deadlock_retries_the_whole_unit()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var attempts = 0;

        await db.Session.InTransactionAsync(async token =>
        {
            if (++attempts == 1)
            {
                await db.Get<TestModules.Widgets.WidgetsDbContext>().Database.ExecuteSqlRawAsync(
                    "DO $$ BEGIN RAISE EXCEPTION 'forced deadlock' USING ERRCODE = '40P01'; END $$", token);
            }
        });

        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task A_lost_connection_before_commit_retries_the_whole_unit()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var attempts = 0;

        await db.Session.InTransactionAsync(async token =>
        {
            attempts++;
            await db.WidgetAsync(UniqueNames.Next("Survivor"));
            if (attempts == 1)
            {
                await db.Get<TestModules.Widgets.WidgetsDbContext>().Database.ExecuteSqlRawAsync("SELECT pg_terminate_backend(pg_backend_pid())", token);
            }
        });

        Assert.Equal(2, attempts);
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT count(*) FROM widgets.widgets"));
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_attempts_with_a_transient_error()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres, new Dictionary<string, string?>
        {
            ["Strata:Database:MaxRetryAttempts"] = "2",
            ["Strata:Database:RetryBaseDelayMs"] = "1",
        });
        var attempts = 0;

        var error = await Assert.ThrowsAsync<TransientDatabaseError>(() => db.Session.InTransactionAsync(async token =>
        {
            attempts++;
            await db.Get<TestModules.Widgets.WidgetsDbContext>().Database.ExecuteSqlRawAsync(
                "DO $$ BEGIN RAISE EXCEPTION 'always conflicting' USING ERRCODE = '40001'; END $$", token);
        }));

        Assert.Equal(3, attempts);
        Assert.Equal("database.transient", error.Code);
    }

    [Fact]
    public async Task The_tenant_is_set_transaction_locally()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var user = Guid.NewGuid();
        var workspace = Guid.NewGuid();
        db.Session.Tenant.Set(user, workspace);

        var inside = await db.Session.InTransactionAsync(_ => db.ScalarAsync<string>(
            "SELECT current_setting('strata.user_id', true) || '/' || current_setting('strata.workspace_id', true)"));
        var outside = await db.ScalarAsync<string>("SELECT coalesce(current_setting('strata.user_id', true), '')");

        Assert.Equal($"{user}/{workspace}", inside);
        Assert.Equal(string.Empty, outside);
    }

    [Fact]
    public async Task The_tenant_reaches_the_first_ef_command_of_a_unit()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var user = Guid.NewGuid();
        db.Session.Tenant.Set(user);
        var widgets = db.Get<TestModules.Widgets.WidgetsDbContext>();

        var seen = await db.Session.InTransactionAsync(token => widgets.Database
            .SqlQueryRaw<string>("SELECT current_setting('strata.user_id', true) AS \"Value\"").SingleAsync(token),
            Strata.Data.Sessions.TransactionOptions.Reading);

        Assert.Equal(user.ToString(), seen);
    }

    [Fact]
    public async Task A_savepoint_rolled_back_before_the_units_first_command_leaves_the_tenant_in_place()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var user = Guid.NewGuid();
        db.Session.Tenant.Set(user);
        var widgets = db.Get<TestModules.Widgets.WidgetsDbContext>();

        var seen = await db.Session.InTransactionAsync(async token =>
        {
            // The failing statement is the unit's first: the tenant travelled with it, inside the savepoint.
            await Assert.ThrowsAnyAsync<StrataError>(() => db.Session.InTransactionAsync(inner => widgets.Database.ExecuteSqlRawAsync(
                "DO $$ BEGIN RAISE EXCEPTION 'refused'; END $$", inner), new Strata.Data.Sessions.TransactionOptions { Savepoint = true }, token));
            return await widgets.Database.SqlQueryRaw<string>("SELECT current_setting('strata.user_id', true) AS \"Value\"").SingleAsync(token);
        });

        Assert.Equal(user.ToString(), seen);
    }

    [Fact]
    public async Task An_insufficient_privilege_refusal_is_forbidden()
    {
        await using var db = await databases.RolledBackAsync(DatabaseProvider.Postgres);

        var error = await Assert.ThrowsAsync<ForbiddenError>(() => db.Session.InTransactionAsync(token =>
            db.Get<TestModules.Widgets.WidgetsDbContext>().Database.ExecuteSqlRawAsync(
                "DO $$ BEGIN RAISE EXCEPTION 'row-level security refused the row' USING ERRCODE = '42501'; END $$", token)));

        Assert.Equal("database.insufficient_privilege", error.Code);
        Assert.Equal(403, error.Status);
    }

    [Fact]
    public async Task A_reading_unit_refuses_writes()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);

        var refusal = await Assert.ThrowsAsync<DatabaseError>(() =>
            db.Session.InTransactionAsync(_ => db.WidgetAsync(), Strata.Data.Sessions.TransactionOptions.Reading));

        Assert.Equal("25006", refusal.SqlState);
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM widgets.widgets"));
    }
}
