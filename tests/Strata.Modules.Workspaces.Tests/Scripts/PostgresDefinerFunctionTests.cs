using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Data.Conventions;
using Strata.Data.Security;
using Strata.Modules.Auth.Services;
using Strata.Modules.Workspaces.Services;
using Strata.Testing;

namespace Strata.Modules.Workspaces.Tests;

/// <summary>
/// The owner's SECURITY DEFINER functions (<c>Scripts/Postgres/010_functions.sql</c>) called with raw SQL as the
/// application role: each acts only for the flow it exists for, whatever arguments it is handed.
/// </summary>
public sealed class PostgresDefinerFunctionTests(WorkspacesTestDatabases databases)
{
    [Fact]
    public async Task Only_the_application_role_may_execute_the_definer_functions()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        const string DefinerFunctions = "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'workspaces' AND p.prosecdef";

        Assert.Equal(4, await db.ScalarAsync<long>($"SELECT count(*) {DefinerFunctions}"));
        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) {DefinerFunctions} AND has_function_privilege('public', p.oid, 'EXECUTE')"));
        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) {DefinerFunctions} AND NOT has_function_privilege('strata_app', p.oid, 'EXECUTE')"));
    }

    [Fact]
    public async Task Remove_user_refuses_a_live_account_and_changes_nothing()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var victim = await db.UserAsync();
        await db.PopulatedWorkspaceAsync(victim);
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, db, await db.UserAsync());

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => app.ScalarAsync($"SELECT workspaces.remove_user('{victim}', now())"));

        Assert.Equal("42501", refusal.SqlState);
        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT count(*) FROM workspaces.members WHERE user_id = '{victim}' AND role = 'owner'"));
    }

    [Theory, BothProviders]
    public async Task Deleting_a_user_as_the_application_role_removes_their_memberships_and_flags_the_workspace(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);
        var settings = await databases.GrantedServingSettingsAsync(db);
        await using (var served = databases.ServicesFor(db, settings))
        await using (var scope = served.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IUserAdministration>().DeleteUserAsync(await db.UserAsync(), owner);
        }

        var id = db.Provider == DatabaseProvider.Sqlite ? owner.ToString().ToUpperInvariant() : owner.ToString();
        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("workspaces", "members")} WHERE user_id = '{id}'"));
        var workspaceId = db.Provider == DatabaseProvider.Sqlite ? workspace.Id.ToString().ToUpperInvariant() : workspace.Id.ToString();
        Assert.Equal(1, await db.ScalarAsync<long>(
            $"SELECT count(*) FROM {db.Table("workspaces", "workspaces")} WHERE public_id = '{workspaceId}' AND ownerless_since IS NOT NULL"));
    }

    [Fact]
    public async Task An_invitation_cannot_be_accepted_in_another_users_name()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var invitee = await db.UserAsync();
        var token = await InvitationForAsync(db, invitee);
        var email = await NormalizedEmailOfAsync(db, invitee);
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, db, await db.UserAsync());

        // The first signature took the user and the email as arguments, so any caller could join anyone.
        var refusal = await Assert.ThrowsAsync<PostgresException>(() => app.ScalarAsync(
            $"SELECT outcome FROM workspaces.accept_invitation('{SecretTokens.Hash(token)}', '{invitee}', '{email}', now(), gen_random_uuid())"));

        Assert.Equal(PostgresErrorCodes.UndefinedFunction, refusal.SqlState);
        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) FROM workspaces.members WHERE user_id = '{invitee}'"));
    }

    [Fact]
    public async Task Rerunning_the_scripts_over_the_earlier_accept_signatures_leaves_only_the_current_one_which_takes_no_user()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        await db.ScalarAsync<long>("""
            CREATE FUNCTION workspaces.accept_invitation(text, uuid, text, timestamptz, uuid) RETURNS TABLE (outcome text, workspace_public_id uuid, role text)
            LANGUAGE sql AS $$ SELECT 'joined', NULL::uuid, NULL::text $$;
            CREATE FUNCTION workspaces.accept_invitation(text, timestamptz, uuid) RETURNS TABLE (outcome text, workspace_public_id uuid, role text)
            LANGUAGE sql AS $$ SELECT 'joined', NULL::uuid, NULL::text $$;
            SELECT 1
            """);

        foreach (var script in new WorkspacesModule().GetRepeatableScripts(DatabaseProvider.Postgres))
        {
            await db.ScalarAsync<long>($"{script.Sql}\nSELECT 1");
        }

        Assert.Equal("workspaces.accept_invitation(text,text,timestamp with time zone,uuid)", await db.ScalarAsync<string>(
            "SELECT string_agg(p.oid::regprocedure::text, ', ') FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'workspaces' AND p.proname = 'accept_invitation'"));
    }

    [Fact]
    public async Task Accepting_someone_elses_invitation_with_its_token_and_ones_own_email_is_an_email_mismatch_and_changes_nothing()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var token = await InvitationForAsync(db, await db.UserAsync());
        var intruder = await db.VerifiedUserAsync();
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, db, intruder);

        var outcome = await app.ScalarAsync(
            $"SELECT outcome FROM workspaces.accept_invitation('{SecretTokens.Hash(token)}', '{await NormalizedEmailOfAsync(db, intruder)}', now(), gen_random_uuid())");

        Assert.Equal("email_mismatch", outcome);
        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) FROM workspaces.members WHERE user_id = '{intruder}'"));
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT count(*) FROM workspaces.invitations WHERE status = 'pending'"));
    }

    [Fact]
    public async Task Accepting_without_a_user_context_is_refused_and_changes_nothing()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var invitee = await db.VerifiedUserAsync();
        var token = await InvitationForAsync(db, invitee);
        var email = await NormalizedEmailOfAsync(db, invitee);
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, db, user: null);

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => app.ScalarAsync(
            $"SELECT outcome FROM workspaces.accept_invitation('{SecretTokens.Hash(token)}', '{email}', now(), gen_random_uuid())"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT count(*) FROM workspaces.invitations WHERE status = 'pending'"));
    }

    [Theory, BothProviders]
    public async Task Accepting_with_an_unverified_email_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var invitee = await db.UserAsync();
        var token = await InvitationForAsync(db, invitee);

        var refusal = await Assert.ThrowsAsync<ForbiddenError>(() => db.AsAsync(invitee, s => s.GetRequiredService<IInvitationService>().AcceptAsync(token)));

        Assert.Equal("workspaces.email_unverified", refusal.Code);
        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("workspaces", "members")}"));
        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("workspaces", "invitations")} WHERE status = 'pending'"));
    }

    [Fact]
    public async Task The_invitee_accepts_their_own_invitation_as_the_application_role()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var invitee = await db.VerifiedUserAsync();
        var token = await InvitationForAsync(db, invitee);
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, db, invitee);

        var outcome = await app.ScalarAsync(
            $"SELECT outcome FROM workspaces.accept_invitation('{SecretTokens.Hash(token)}', '{await NormalizedEmailOfAsync(db, invitee)}', now(), gen_random_uuid())");

        Assert.Equal("joined", outcome);
        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT count(*) FROM workspaces.members WHERE user_id = '{invitee}' AND role = 'member'"));
    }

    [Fact]
    public async Task The_creator_helper_says_nothing_about_workspaces_the_caller_did_not_create()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var owner = await db.UserAsync();
        var populated = await db.InternalIdAsync(await db.PopulatedWorkspaceAsync(owner));
        var memberless = await db.InternalIdAsync(await db.WorkspaceAsync(owner, "Empty"));
        await db.ScalarAsync<long>($"DELETE FROM workspaces.members WHERE workspace_id = {memberless}; SELECT 1");
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, db, await db.UserAsync());

        var answers = await app.ScalarAsync(
            $"SELECT array_agg(workspaces.created_by_me_with_members(id) ORDER BY id) FROM (VALUES ({populated}), ({memberless}), ({memberless + 1000})) AS probe (id)");

        Assert.Equal(new[] { false, false, false }, answers);
    }

    [Fact]
    public async Task The_creator_helper_tells_the_creator_which_of_their_workspaces_have_members()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var owner = await db.UserAsync();
        var populated = await db.InternalIdAsync(await db.PopulatedWorkspaceAsync(owner));
        var memberless = await db.InternalIdAsync(await db.WorkspaceAsync(owner, "Empty"));
        await db.ScalarAsync<long>($"DELETE FROM workspaces.members WHERE workspace_id = {memberless}; SELECT 1");
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, db, owner);

        var answers = await app.ScalarAsync(
            $"SELECT array_agg(workspaces.created_by_me_with_members(id) ORDER BY id) FROM (VALUES ({populated}), ({memberless})) AS probe (id)");

        Assert.Equal(new[] { true, false }, answers);
    }

    [Fact]
    public async Task The_membership_helper_lists_nothing_for_a_stranger()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        await db.PopulatedWorkspaceAsync(await db.UserAsync());
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, db, await db.UserAsync());

        Assert.Equal(0, await app.LongAsync("SELECT count(*) FROM workspaces.my_workspace_ids(0)"));
    }

    /// <summary>A pending member invitation for <paramref name="invitee"/>'s email to a new workspace of another user; its token.</summary>
    private static async Task<string> InvitationForAsync(TestDatabase db, Guid invitee)
    {
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);
        var email = await EmailOfAsync(db, invitee);
        var issued = await db.AsAsync(owner, s => s.GetRequiredService<IInvitationService>().InviteAsync(workspace.Id, email, WorkspaceRole.Member));
        return issued.Token;
    }

    private static async Task<string> EmailOfAsync(TestDatabase db, Guid user) =>
        (await db.AsAsync(user, s => s.GetRequiredService<IUserDirectory>().FindAsync(user)))!.Email;

    /// <summary>The email as the service hands it to <c>accept_invitation</c>.</summary>
    private static async Task<string> NormalizedEmailOfAsync(TestDatabase db, Guid user) => TextNormalization.Normalize(await EmailOfAsync(db, user));
}
