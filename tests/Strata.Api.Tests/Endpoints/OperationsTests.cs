using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Strata.Data.Configuration;
using Strata.Data.Sessions;
using Strata.TestModules.Widgets;
using Strata.Testing;
using static Strata.Api.Tests.ProblemAssertions;

namespace Strata.Api.Tests.Endpoints;

public sealed class OperationsTests(ApiTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Ready_answers_200_at_head(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await using var api = await TestApi.StartAsync(await databases.GrantedServingSettingsAsync(db));

        var response = await api.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory, BothProviders]
    public async Task Ready_answers_503_naming_pending_migrations(DatabaseProvider provider)
    {
        await using var db = await databases.EmptyAsync(provider);
        await using var api = await TestApi.StartAsync(StrataTestDatabases.ServingSettings(db));

        var response = await api.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        var problem = await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "health.not_ready");
        Assert.Equal("Migrations are pending: auth (3), workspaces (1), catalog (4), widgets (2), gadgets (1).", problem.GetProperty("detail").GetString());
    }

    [Theory, BothProviders]
    public async Task Ready_answers_503_when_the_database_is_unreachable(DatabaseProvider provider)
    {
        await using var api = await TestApi.StartAsync(new Dictionary<string, string?>
        {
            ["Strata:Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Strata"] = provider == DatabaseProvider.Postgres
                ? "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Timeout=2"
                : "Data Source=/nonexistent-folder/strata.db;Mode=ReadWrite",
        });

        var response = await api.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        var problem = await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "health.not_ready");
        Assert.StartsWith("The database is not reachable", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Metrics_expose_strata_aspnetcore_and_provider_instruments_after_traffic(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await using var api = await TestApi.StartAsync(await databases.GrantedServingSettingsAsync(db), app =>
            app.MapPost("/test/unit", async (DatabaseSession session, WidgetsDbContext widgets) =>
                await session.InTransactionAsync(token => widgets.Categories.CountAsync(token))));

        await api.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        await api.Client.PostAsync(new Uri("/test/unit", UriKind.Relative), null);
        var metrics = await api.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Contains("strata_db_command_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
        Assert.Contains("module=\"widgets\"", metrics, StringComparison.Ordinal);
        Assert.Contains("strata_db_transactions_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
        if (provider == DatabaseProvider.Postgres)
        {
            Assert.Contains("db_client_operation_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
        }
    }

    [Theory, BothProviders]
    public async Task A_slow_command_is_logged_with_its_sql_and_without_values(DatabaseProvider provider)
    {
        var logs = new CapturedLogs();
        await using var db = await databases.FreshAsync(provider);
        var settings = await databases.GrantedServingSettingsAsync(db);
        settings["Strata:Database:SlowQueryThresholdMs"] = "1";
        await using var api = await TestApi.StartAsync(settings,
            app => app.MapGet("/test/slow", async (WidgetsDbContext widgets) =>
                await widgets.Database.SqlQuery<long>($"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < {400_000}) SELECT count(*) AS \"Value\" FROM c").SingleAsync()),
            services => services.AddLogging(logging => logging.AddProvider(logs)));

        var response = await api.Client.GetAsync(new Uri("/test/slow", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("WITH RECURSIVE", StringComparison.Ordinal));
        Assert.DoesNotContain("400000", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_refuses_to_start_when_its_role_owns_the_tables()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApi.StartAsync(new Dictionary<string, string?>
        {
            ["Strata:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Strata"] = db.ConnectionString,
        }));

        Assert.Contains("owns", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Strata", error.Message, StringComparison.Ordinal);
    }
}
