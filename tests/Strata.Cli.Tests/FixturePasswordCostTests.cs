using Strata.Data.Configuration;
using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary>A strata process run by the tests hashes passwords cheaply without being told.</summary>
public sealed class FixturePasswordCostTests(CliTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task A_test_run_process_hashes_passwords_at_the_cheap_test_cost(DatabaseProvider provider)
    {
        await using var db = await databases.SeededAsync(provider);

        var result = await StrataProcess.RunAsync(
            ["users", "create-admin", "--email", TestUsers.NewEmail(), "--password-stdin", "--provider", provider.ToString(), "--connection", db.ConnectionString],
            standardInput: TestUsers.Password + "\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        var hash = await db.ScalarAsync<string>($"SELECT password_hash FROM {db.Table("auth", "accounts")}");
        Assert.Equal(StrataTestSettings.PasswordIterations, TestUsers.PasswordIterations(hash));
    }
}
