using Strata.Data.Configuration;
using Strata.Testing;

namespace Strata.Modules.Workspaces.Tests;

/// <summary>This project's fixture hashes passwords cheaply without being told.</summary>
public sealed class FixturePasswordCostTests(WorkspacesTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task A_fixture_made_provider_hashes_passwords_at_the_cheap_test_cost(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var user = await db.UserAsync();

        Assert.Equal(StrataTestSettings.PasswordIterations, await db.PasswordIterationsAsync(user));
    }
}
