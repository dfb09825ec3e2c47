using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Strata.Data.Configuration;
using Strata.TestModules.Widgets;
using Strata.Testing;

namespace Strata.Data.Tests.Diagnostics;

public sealed class SlowCommandLogTests(DataTestDatabases databases)
{
    private const int RowsToCount = 400_000;

    [Theory, BothProviders]
    public async Task A_command_above_the_threshold_is_logged_with_its_sql_but_not_its_values(DatabaseProvider provider)
    {
        var logs = new CapturedLogs();
        await using var db = await databases.FreshAsync(provider,
            new Dictionary<string, string?> { ["Strata:Database:SlowQueryThresholdMs"] = "1" },
            services => services.AddLogging(logging => logging.AddProvider(logs)));

        await db.Get<WidgetsDbContext>().Database.ExecuteSqlAsync(
            $"WITH RECURSIVE counter(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM counter WHERE x < {RowsToCount}) SELECT count(*) FROM counter");

        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("WITH RECURSIVE", StringComparison.Ordinal));
        Assert.Contains("Slow database command", warning.Message, StringComparison.Ordinal);
        Assert.Contains("p0", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(RowsToCount.ToString(System.Globalization.CultureInfo.InvariantCulture), warning.Message, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task A_slow_command_that_fails_is_logged_too(DatabaseProvider provider)
    {
        var logs = new CapturedLogs();
        await using var db = await databases.FreshAsync(provider,
            new Dictionary<string, string?> { ["Strata:Database:SlowQueryThresholdMs"] = "1" },
            services => services.AddLogging(logging => logging.AddProvider(logs)));

        // Counts first, then fails: division by zero on PostgreSQL; SQLite divides by zero quietly, json() does not.
        var failing = provider == DatabaseProvider.Postgres
            ? db.Get<WidgetsDbContext>().Database.ExecuteSqlAsync(
                $"WITH RECURSIVE counter(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM counter WHERE x < {RowsToCount}) SELECT 1 / (count(*) - count(*)) FROM counter")
            : db.Get<WidgetsDbContext>().Database.ExecuteSqlAsync(
                $"WITH RECURSIVE counter(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM counter WHERE x < {RowsToCount}) SELECT json(CASE WHEN count(*) > 0 THEN 'not json' END) FROM counter");
        await Assert.ThrowsAnyAsync<Exception>(() => failing);

        Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Slow database command", StringComparison.Ordinal)
            && e.Message.Contains("WITH RECURSIVE", StringComparison.Ordinal));
    }

    [Theory, BothProviders]
    public async Task A_command_below_the_threshold_is_not_logged(DatabaseProvider provider)
    {
        var logs = new CapturedLogs();
        await using var db = await databases.FreshAsync(provider,
            new Dictionary<string, string?> { ["Strata:Database:SlowQueryThresholdMs"] = "60000" },
            services => services.AddLogging(logging => logging.AddProvider(logs)));

        await db.Get<WidgetsDbContext>().Database.ExecuteSqlAsync($"SELECT {1}");

        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("Slow database command", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slow_command_of_a_tenant_unit_is_logged_without_the_tenant_ids()
    {
        var logs = new CapturedLogs();
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres,
            new Dictionary<string, string?> { ["Strata:Database:SlowQueryThresholdMs"] = "1" },
            services => services.AddLogging(logging => logging.AddProvider(logs)));
        var user = Guid.NewGuid();
        db.Session.Tenant.Set(user);

        await db.Session.InTransactionAsync(token => db.Get<WidgetsDbContext>().Database.ExecuteSqlAsync(
            $"WITH RECURSIVE counter(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM counter WHERE x < {RowsToCount}) SELECT count(*) FROM counter", token));

        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("WITH RECURSIVE", StringComparison.Ordinal));
        Assert.DoesNotContain(user.ToString(), warning.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("strata.user_id", warning.Message, StringComparison.Ordinal);
    }
}
