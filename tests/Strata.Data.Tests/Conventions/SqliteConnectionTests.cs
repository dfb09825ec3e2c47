using Strata.Data.Configuration;
using Strata.Testing;

namespace Strata.Data.Tests.Conventions;

public sealed class SqliteConnectionTests(DataTestDatabases databases)
{
    [Fact]
    public async Task Every_connection_uses_wal_busy_timeout_and_foreign_keys()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Strata:Database:SqliteBusyTimeoutMs"] = "1234" });

        Assert.Equal("wal", await db.ScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1234, await db.ScalarAsync<long>("PRAGMA busy_timeout"));
        Assert.Equal(1, await db.ScalarAsync<long>("PRAGMA foreign_keys"));
    }
}
