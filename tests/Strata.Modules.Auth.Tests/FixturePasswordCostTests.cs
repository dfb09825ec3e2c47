using Strata.Data.Configuration;
using Strata.Modules.Auth.Configuration;
using Strata.Testing;

namespace Strata.Modules.Auth.Tests;

/// <summary>The fixture hashes passwords cheaply unless a test opts in to the production cost.</summary>
public sealed class FixturePasswordCostTests(AuthTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task A_fixture_made_provider_hashes_passwords_at_the_cheap_test_cost(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var user = await db.UserAsync();

        Assert.Equal(StrataTestSettings.PasswordIterations, await db.PasswordIterationsAsync(user));
    }

    [Theory, BothProviders]
    public async Task A_test_that_opts_in_hashes_at_the_production_cost(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider, StrataTestSettings.ProductionPasswordCost);

        var user = await db.UserAsync();

        Assert.Equal(new AuthOptions().PasswordIterations, await db.PasswordIterationsAsync(user));
    }
}
