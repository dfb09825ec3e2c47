using Strata.Data.Configuration;
using Strata.Testing;

namespace Strata.Data.Tests.Conventions;

public sealed class PostgresConnectionTests(DataTestDatabases databases)
{
    [Fact]
    public async Task Every_connection_carries_statement_and_lock_timeouts()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres, new Dictionary<string, string?>
        {
            ["Strata:Database:StatementTimeoutMs"] = "4000",
            ["Strata:Database:LockTimeoutMs"] = "1500",
        });

        Assert.Equal("4s", await db.ScalarAsync<string>("SHOW statement_timeout"));
        Assert.Equal("1500ms", await db.ScalarAsync<string>("SHOW lock_timeout"));
    }
}
