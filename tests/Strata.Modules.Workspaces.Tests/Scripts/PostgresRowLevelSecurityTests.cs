using Npgsql;
using Strata.Data.Configuration;
using Strata.Testing;

namespace Strata.Modules.Workspaces.Tests;

/// <summary>
/// Row-level security as the application role sees it, with raw SQL: what the policies let through whatever query
/// the application sends. Arranged through the services; probed over a strata_app connection.
/// </summary>
public sealed class PostgresRowLevelSecurityTests(WorkspacesTestDatabases databases)
{
    [Fact]
    public async Task A_non_member_reads_nothing_of_another_workspace()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var workspace = await db.PopulatedWorkspaceAsync(await db.UserAsync());
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, db, await db.UserAsync());

        Assert.Equal(0, await app.LongAsync($"SELECT count(*) FROM workspaces.workspaces WHERE public_id = '{workspace.Id}'"));
        Assert.Equal(0, await app.LongAsync("SELECT count(*) FROM workspaces.members"));
        Assert.Equal(0, await app.LongAsync("SELECT count(*) FROM workspaces.invitations"));
    }

    [Theory]
    [InlineData("UPDATE workspaces.workspaces SET name = 'taken over'")]
    [InlineData("UPDATE workspaces.members SET role = 'viewer'")]
    [InlineData("DELETE FROM workspaces.members")]
    [InlineData("UPDATE workspaces.invitations SET status = 'revoked'")]
    [InlineData("DELETE FROM workspaces.invitations")]
    [InlineData("DELETE FROM workspaces.workspaces")]
    public async Task A_non_member_changes_no_row_of_another_workspace(string statement)
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        await db.PopulatedWorkspaceAsync(await db.UserAsync());
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, db, await db.UserAsync());

        await using var command = new NpgsqlCommand(statement, app);

        Assert.Equal(0, await command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task Without_a_context_nothing_is_visible()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        await db.PopulatedWorkspaceAsync(await db.UserAsync());
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, db, user: null);

        Assert.Equal(0, await app.LongAsync("SELECT count(*) FROM workspaces.workspaces"));
        Assert.Equal(0, await app.LongAsync("SELECT count(*) FROM workspaces.members"));
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT count(*) FROM workspaces.workspaces"));
    }

    [Fact]
    public async Task An_empty_context_left_on_a_pooled_connection_sees_nothing_and_raises_nothing()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        await db.PopulatedWorkspaceAsync(await db.UserAsync());
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, db, user: null);
        await using (var reset = new NpgsqlCommand("SELECT pg_catalog.set_config('strata.user_id', '', false)", app))
        {
            await reset.ExecuteNonQueryAsync();
        }

        Assert.Equal(0, await app.LongAsync("SELECT count(*) FROM workspaces.workspaces"));
        Assert.Equal(0, await app.LongAsync("SELECT count(*) FROM workspaces.invitations"));
    }

    [Fact]
    public async Task A_member_sees_their_workspace_and_its_members()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var owner = await db.UserAsync();
        var workspace = await db.PopulatedWorkspaceAsync(owner);
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, db, owner);

        Assert.Equal(1, await app.LongAsync($"SELECT count(*) FROM workspaces.workspaces WHERE public_id = '{workspace.Id}'"));
        Assert.Equal(1, await app.LongAsync("SELECT count(*) FROM workspaces.members"));
        Assert.Equal(1, await app.LongAsync("SELECT count(*) FROM workspaces.invitations"));
    }

    [Fact]
    public async Task A_non_member_cannot_make_themselves_owner_of_another_workspace()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var workspace = await db.PopulatedWorkspaceAsync(await db.UserAsync());
        var intruder = await db.UserAsync();
        var internalId = await db.InternalIdAsync(workspace);
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, db, intruder);

        await using var command = new NpgsqlCommand(
            $"INSERT INTO workspaces.members (public_id, workspace_id, user_id, role, joined_at, created_at, updated_at) VALUES (gen_random_uuid(), {internalId}, '{intruder}', 'owner', now(), now(), now())", app);
        var refusal = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal("42501", refusal.SqlState);
    }

    [Theory]
    [InlineData("UPDATE workspaces.workspaces SET name = 'taken over'")]
    [InlineData("UPDATE workspaces.members SET role = 'viewer'")]
    [InlineData("DELETE FROM workspaces.members")]
    [InlineData("UPDATE workspaces.invitations SET status = 'revoked'")]
    [InlineData("DELETE FROM workspaces.invitations")]
    [InlineData("DELETE FROM workspaces.workspaces")]
    public async Task Without_a_context_no_row_changes(string statement)
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        await db.PopulatedWorkspaceAsync(await db.UserAsync());
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, db, user: null);

        Assert.Equal(0, await app.ExecuteAsync(statement));
    }

    [Fact]
    public async Task A_non_member_cannot_invite_into_another_workspace()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var workspace = await db.InternalIdAsync(await db.WorkspaceAsync(await db.UserAsync()));
        var intruder = await db.UserAsync();
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, db, intruder);

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => app.ExecuteAsync($"""
            INSERT INTO workspaces.invitations (public_id, workspace_id, email, normalized_email, role, token_hash, status, expires_at, invited_by, created_at, updated_at)
            VALUES (gen_random_uuid(), {workspace}, 'a@example.com', 'A@EXAMPLE.COM', 'owner', md5('x'), 'pending', now() + interval '1 day', '{intruder}', now(), now())
            """));

        Assert.Equal("42501", refusal.SqlState);
    }

    [Fact]
    public async Task Nobody_creates_a_workspace_in_another_users_name()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var victim = await db.UserAsync();
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, db, await db.UserAsync());

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => app.ExecuteAsync($$"""
            INSERT INTO workspaces.workspaces (public_id, name, slug, normalized_slug, metadata, created_by, created_at, updated_at)
            VALUES (gen_random_uuid(), 'Forged', 'forged', 'FORGED', '{}', '{{victim}}', now(), now())
            """));

        Assert.Equal("42501", refusal.SqlState);
    }

    [Fact]
    public async Task An_owner_cannot_move_a_membership_into_another_workspace()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var theirs = await db.InternalIdAsync(await db.WorkspaceAsync(await db.UserAsync()));
        var intruder = await db.UserAsync();
        await db.WorkspaceAsync(intruder, "Own");
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, db, intruder);

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => app.ExecuteAsync($"UPDATE workspaces.members SET workspace_id = {theirs} WHERE user_id = '{intruder}'"));

        Assert.Equal("42501", refusal.SqlState);
    }

    [Fact]
    public async Task Policies_bind_the_application_role_and_rls_is_enabled_without_force()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);

        Assert.Equal(3, await db.ScalarAsync<long>(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'workspaces' AND c.relrowsecurity AND NOT c.relforcerowsecurity"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM pg_policies WHERE schemaname = 'workspaces' AND roles <> '{strata_app}'"));
        Assert.Equal(0, await db.ScalarAsync<long>(
            "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'workspaces' AND p.prosecdef AND NOT ('search_path=\"\"' = ANY (p.proconfig))"));
    }}
