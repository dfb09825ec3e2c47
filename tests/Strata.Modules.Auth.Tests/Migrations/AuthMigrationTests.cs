using Strata.Data.Configuration;
using Strata.Data.Migrations;
using Strata.Testing;

namespace Strata.Modules.Auth.Tests;

/// <summary>The auth module's own migrations, walked down and up on each provider.</summary>
public sealed class AuthMigrationTests(AuthTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task The_mail_delivery_migration_rolls_back_and_reapplies_to_a_schema_that_matches_the_model(DatabaseProvider provider)
    {
        await using var db = await databases.EmptyAsync(provider);
        var migrator = db.Get<StrataMigrator>();
        await migrator.MigrateAsync();

        var rollback = await migrator.RollbackAsync(AuthModule.ModuleName, steps: 1);
        var columnsAfterRollback = await OutboxStatusColumnsAsync(db);
        await migrator.MigrateAsync();

        Assert.EndsWith("_AddMailDelivery", Assert.Single(rollback.Reverted).Migration, StringComparison.Ordinal);
        Assert.Equal(0, columnsAfterRollback);
        Assert.Equal(1, await OutboxStatusColumnsAsync(db));
        Assert.Empty(await migrator.VerifyAsync());
    }

    [Theory, BothProviders]
    public async Task The_passkeys_migration_rolls_back_and_reapplies_to_a_schema_that_matches_the_model(DatabaseProvider provider)
    {
        await using var db = await databases.EmptyAsync(provider);
        var migrator = db.Get<StrataMigrator>();
        await migrator.MigrateAsync();

        var rollback = await migrator.RollbackAsync(AuthModule.ModuleName, steps: 2);
        var tablesAfterRollback = await PasskeyTablesAsync(db);
        await migrator.MigrateAsync();

        Assert.EndsWith("_AddPasskeys", rollback.Reverted[^1].Migration, StringComparison.Ordinal);
        Assert.Equal(0, tablesAfterRollback);
        Assert.Equal(1, await PasskeyTablesAsync(db));
        Assert.Empty(await migrator.VerifyAsync());
    }

    private static Task<long> OutboxStatusColumnsAsync(TestDatabase db) => db.ScalarAsync<long>(db.Provider == DatabaseProvider.Postgres
        ? "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'auth' AND table_name = 'mail_outbox' AND column_name = 'status'"
        : "SELECT count(*) FROM pragma_table_info('auth_mail_outbox') WHERE name = 'status'");

    private static Task<long> PasskeyTablesAsync(TestDatabase db) => db.ScalarAsync<long>(db.Provider == DatabaseProvider.Postgres
        ? "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'auth' AND table_name = 'passkeys'"
        : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'auth_passkeys'");
}
