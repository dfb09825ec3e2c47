using Strata.Data.Configuration;
using Strata.Data.Migrations;
using Strata.Testing;

namespace Strata.Modules.Workspaces.Tests;

public sealed class WorkspacesMigrationTests(WorkspacesTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task The_module_rolls_back_whole_and_migrates_again_to_a_schema_that_matches_the_model(DatabaseProvider provider)
    {
        await using var db = await databases.EmptyAsync(provider);
        var migrator = db.Get<StrataMigrator>();
        await migrator.MigrateAsync();

        var rollback = await migrator.RollbackAsync(WorkspacesModule.ModuleName, steps: 1);
        await migrator.MigrateAsync();

        Assert.EndsWith("_Initial", Assert.Single(rollback.Reverted).Migration, StringComparison.Ordinal);
        Assert.Empty(await migrator.VerifyAsync());
        Assert.Equal(1, await db.ScalarAsync<long>(provider == DatabaseProvider.Postgres
            ? "SELECT count(*) FROM pg_policies WHERE schemaname = 'workspaces' AND policyname = 'workspaces_select'"
            : "SELECT count(*) FROM sqlite_master WHERE name = 'workspaces_workspaces'"));
    }
}
