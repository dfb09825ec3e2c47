using Strata.Data.Configuration;
using Strata.Data.Modules;
using Strata.Testing;

namespace Strata.Api.Tests.Reliability;

/// <summary>
/// Tenant isolation as the application role, with raw SQL through every tenant-scoped table of every registered module
/// (PostgreSQL; all modules composed): the workspaces schema's tables and any module table with a <c>workspace_id</c>.
/// Arranged through the API; probed over a strata_app connection. The per-function and per-policy cases live in the
/// workspaces module's tests.
/// </summary>
public sealed class TenantIsolationTests(ApiTestDatabases databases)
{
    [Fact]
    public async Task Every_tenant_scoped_table_has_row_level_security()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);

        var tables = await TenantScopedTablesAsync(db);
        var protectedTables = await db.ScalarAsync<string>($"""
            SELECT coalesce(string_agg(n.nspname || '.' || c.relname, '|' ORDER BY n.nspname || '.' || c.relname), '')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname || '.' || c.relname IN ({string.Join(", ", tables.Select(t => $"'{t}'"))}) AND c.relrowsecurity
            """);

        Assert.NotEmpty(tables);
        Assert.Equal(tables, protectedTables.Split('|', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("another user")]
    [InlineData("no context")]
    [InlineData("an empty context")]
    public async Task With_the_context_of_another_user_or_none_no_tenant_scoped_row_is_seen_or_changed(string context)
    {
        await using var api = await ApiHarness.StartAsync(databases, DatabaseProvider.Postgres);
        var (_, _, owner) = await api.SignUpAsync();
        var workspace = await api.CreateWorkspaceAsync(owner);
        await api.JoinedMemberAsync(owner, workspace);
        await api.InviteAsync(owner, workspace, TestUsers.NewEmail());
        var (stranger, _, _) = await api.SignUpAsync();
        var tables = await TenantScopedTablesAsync(api.Database);
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, api.Database, context == "another user" ? stranger : null);
        if (context == "an empty context")
        {
            await app.ScalarAsync("SELECT pg_catalog.set_config('strata.user_id', '', false)");
        }

        foreach (var table in tables)
        {
            Assert.True(await api.Database.ScalarAsync<long>($"SELECT count(*) FROM {table}") > 0, $"{table} has no row to probe");
            Assert.Equal(0, await app.LongAsync($"SELECT count(*) FROM {table}"));
            Assert.Equal(0, await app.ExecuteAsync($"UPDATE {table} SET updated_at = updated_at"));
            Assert.Equal(0, await app.ExecuteAsync($"DELETE FROM {table}"));
        }
    }

    /// <summary>The workspaces schema's tables and every module table with a workspace_id column, schema-qualified.</summary>
    private static async Task<string[]> TenantScopedTablesAsync(TestDatabase db)
    {
        var schemas = string.Join(", ", db.Get<ModuleRegistry>().Modules.Select(m => $"'{m.Schema}'"));
        var found = await db.ScalarAsync<string>($"""
            SELECT coalesce(string_agg(DISTINCT t.table_schema || '.' || t.table_name, '|' ORDER BY t.table_schema || '.' || t.table_name), '')
            FROM information_schema.tables t
            WHERE t.table_schema IN ({schemas}) AND t.table_type = 'BASE TABLE' AND t.table_name <> '__migrations'
              AND (t.table_schema = 'workspaces' OR EXISTS (SELECT 1 FROM information_schema.columns c
                   WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'workspace_id'))
            """);
        return found.Split('|', StringSplitOptions.RemoveEmptyEntries);
    }
}
