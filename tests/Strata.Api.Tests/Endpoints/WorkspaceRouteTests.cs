using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Strata.Data.Configuration;
using Strata.Testing;
using static Strata.Api.Tests.ProblemAssertions;

namespace Strata.Api.Tests.Endpoints;

/// <summary>The Workspaces routes through Kestrel, served as the application role (row-level security on PostgreSQL).</summary>
public sealed class WorkspaceRouteTests(ApiTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Creating_a_workspace_answers_201_with_the_caller_as_owner_and_a_slug_from_the_name(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, token) = await api.SignUpAsync();

        var response = await api.PostAsync("/workspaces", new { name = "Ünïcode Parts & Co." }, token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var workspace = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unicode-parts-co", workspace.GetProperty("slug").GetString());
        Assert.Equal("owner", workspace.GetProperty("role").GetString());
        Assert.Equal($"/workspaces/{workspace.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
    }

    [Theory, BothProviders]
    public async Task A_generated_slug_that_is_taken_gets_a_suffix(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, first) = await api.SignUpAsync();
        var (_, _, second) = await api.SignUpAsync();
        await api.CreateWorkspaceAsync(first, "Acme");

        var response = await api.PostAsync("/workspaces", new { name = "Acme" }, second);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches("^acme-[a-z0-9]{6}$", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slug").GetString());
    }

    [Theory, BothProviders]
    public async Task A_requested_slug_another_workspace_holds_answers_409(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, first) = await api.SignUpAsync();
        var (_, _, second) = await api.SignUpAsync();
        await api.CreateWorkspaceAsync(first, "Acme", "acme");

        var response = await api.PostAsync("/workspaces", new { name = "Other", slug = "acme" }, second);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict, "workspaces.slug_taken");
        Assert.Equal("slug", problem.GetProperty("field").GetString());
    }

    [Theory, BothProviders]
    public async Task Bad_workspace_fields_answer_400(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, token) = await api.SignUpAsync();

        var noName = await api.PostAsync("/workspaces", new { name = "" }, token);
        var badSlug = await api.PostAsync("/workspaces", new { name = "Acme", slug = "Not A Slug" }, token);

        Assert.True((await AssertProblemAsync(noName, HttpStatusCode.BadRequest, "request.validation")).GetProperty("errors").TryGetProperty("name", out _));
        Assert.True((await AssertProblemAsync(badSlug, HttpStatusCode.BadRequest, "workspaces.invalid_slug")).GetProperty("errors").TryGetProperty("slug", out _));
    }

    [Theory, BothProviders]
    public async Task Workspace_routes_need_a_session(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);

        await AssertProblemAsync(await api.SendAsync(HttpMethod.Get, "/workspaces"), HttpStatusCode.Unauthorized, "auth.unauthorized");
        await AssertProblemAsync(await api.PostAsync("/invitations/accept", new { token = "x" }), HttpStatusCode.Unauthorized, "auth.unauthorized");
    }

    [Theory, BothProviders]
    public async Task The_list_holds_only_the_callers_workspaces(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, mine) = await api.SignUpAsync();
        var (_, _, theirs) = await api.SignUpAsync();
        await api.CreateWorkspaceAsync(mine, "Mine");
        await api.CreateWorkspaceAsync(theirs, "Theirs");

        var listed = await (await api.SendAsync(HttpMethod.Get, "/workspaces", token: mine)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(["Mine"], listed.EnumerateArray().Select(w => w.GetProperty("name").GetString()));
    }

    [Theory, BothProviders]
    public async Task A_workspace_the_caller_is_not_in_answers_404_to_every_route(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, owner) = await api.SignUpAsync();
        var (stranger, _, outsider) = await api.SignUpAsync();
        var workspace = await api.CreateWorkspaceAsync(owner);

        var answers = new[]
        {
            await api.SendAsync(HttpMethod.Get, $"/workspaces/{workspace}", token: outsider),
            await api.SendAsync(HttpMethod.Patch, $"/workspaces/{workspace}", new { name = "Mine now" }, outsider),
            await api.SendAsync(HttpMethod.Delete, $"/workspaces/{workspace}", token: outsider),
            await api.SendAsync(HttpMethod.Get, $"/workspaces/{workspace}/members", token: outsider),
            await api.SendAsync(HttpMethod.Delete, $"/workspaces/{workspace}/members/{stranger}", token: outsider),
            await api.SendAsync(HttpMethod.Post, $"/workspaces/{workspace}/invitations", new { email = "x@example.com", role = "admin" }, outsider),
            await api.SendAsync(HttpMethod.Get, $"/workspaces/{workspace}/invitations", token: outsider),
        };

        foreach (var answer in answers)
        {
            await AssertProblemAsync(answer, HttpStatusCode.NotFound, "workspaces.not_found");
        }
    }

    [Theory, BothProviders]
    public async Task Members_read_and_admins_update(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, owner) = await api.SignUpAsync();
        var workspace = await api.CreateWorkspaceAsync(owner);
        var (_, _, viewer) = await api.JoinedMemberAsync(owner, workspace, "viewer");
        var (_, _, admin) = await api.JoinedMemberAsync(owner, workspace, "admin");

        var read = await api.SendAsync(HttpMethod.Get, $"/workspaces/{workspace}", token: viewer);
        var refused = await api.SendAsync(HttpMethod.Patch, $"/workspaces/{workspace}", new { name = "Viewer's" }, viewer);
        var updated = await api.SendAsync(HttpMethod.Patch, $"/workspaces/{workspace}", new { name = "Renamed", metadata = new { plan = "pro" } }, admin);

        Assert.Equal("viewer", (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        await AssertProblemAsync(refused, HttpStatusCode.Forbidden, "workspaces.forbidden");
        var body = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Renamed", body.GetProperty("name").GetString());
        Assert.Equal("pro", body.GetProperty("metadata").GetProperty("plan").GetString());
    }

    [Theory, BothProviders]
    public async Task Only_owners_delete_and_a_deleted_workspace_is_gone(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, owner) = await api.SignUpAsync();
        var workspace = await api.CreateWorkspaceAsync(owner);
        var (_, _, admin) = await api.JoinedMemberAsync(owner, workspace, "admin");

        var refused = await api.SendAsync(HttpMethod.Delete, $"/workspaces/{workspace}", token: admin);
        var deleted = await api.SendAsync(HttpMethod.Delete, $"/workspaces/{workspace}", token: owner);

        await AssertProblemAsync(refused, HttpStatusCode.Forbidden, "workspaces.forbidden");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await AssertProblemAsync(await api.SendAsync(HttpMethod.Get, $"/workspaces/{workspace}", token: owner), HttpStatusCode.NotFound, "workspaces.not_found");
    }

    [Theory, BothProviders]
    public async Task The_member_list_carries_names_and_roles(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (ownerId, ownerEmail, owner) = await api.SignUpAsync();
        var workspace = await api.CreateWorkspaceAsync(owner);
        var (memberId, _, _) = await api.JoinedMemberAsync(owner, workspace, "member");

        var members = await (await api.SendAsync(HttpMethod.Get, $"/workspaces/{workspace}/members", token: owner)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal([(ownerId, "owner"), (memberId, "member")], members.EnumerateArray().Select(m => (m.GetProperty("userId").GetGuid(), m.GetProperty("role").GetString())));
        Assert.Equal(ownerEmail, members[0].GetProperty("email").GetString());
    }

    [Theory, BothProviders]
    public async Task The_last_owner_can_neither_leave_nor_be_demoted(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (ownerId, _, owner) = await api.SignUpAsync();
        var workspace = await api.CreateWorkspaceAsync(owner);

        var leave = await api.SendAsync(HttpMethod.Delete, $"/workspaces/{workspace}/members/{ownerId}", token: owner);
        var demote = await api.SendAsync(HttpMethod.Patch, $"/workspaces/{workspace}/members/{ownerId}", new { role = "admin" }, owner);

        await AssertProblemAsync(leave, HttpStatusCode.Conflict, "workspaces.last_owner");
        await AssertProblemAsync(demote, HttpStatusCode.Conflict, "workspaces.last_owner");
    }

    [Theory, BothProviders]
    public async Task An_owner_may_leave_once_another_owner_exists(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (ownerId, _, owner) = await api.SignUpAsync();
        var workspace = await api.CreateWorkspaceAsync(owner);
        await api.JoinedMemberAsync(owner, workspace, "owner");

        var leave = await api.SendAsync(HttpMethod.Delete, $"/workspaces/{workspace}/members/{ownerId}", token: owner);

        Assert.Equal(HttpStatusCode.NoContent, leave.StatusCode);
        await AssertProblemAsync(await api.SendAsync(HttpMethod.Get, $"/workspaces/{workspace}", token: owner), HttpStatusCode.NotFound, "workspaces.not_found");
    }

    [Theory, BothProviders]
    public async Task Admins_manage_members_but_only_owners_grant_owner(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, owner) = await api.SignUpAsync();
        var workspace = await api.CreateWorkspaceAsync(owner);
        var (_, _, admin) = await api.JoinedMemberAsync(owner, workspace, "admin");
        var (memberId, _, _) = await api.JoinedMemberAsync(owner, workspace, "member");

        var promoted = await api.SendAsync(HttpMethod.Patch, $"/workspaces/{workspace}/members/{memberId}", new { role = "admin" }, admin);
        var crowned = await api.SendAsync(HttpMethod.Patch, $"/workspaces/{workspace}/members/{memberId}", new { role = "owner" }, admin);
        var ownerInvite = await api.SendAsync(HttpMethod.Post, $"/workspaces/{workspace}/invitations", new { email = TestUsers.NewEmail(), role = "owner" }, admin);
        var removed = await api.SendAsync(HttpMethod.Delete, $"/workspaces/{workspace}/members/{memberId}", token: admin);

        Assert.Equal("admin", (await promoted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        await AssertProblemAsync(crowned, HttpStatusCode.Forbidden, "workspaces.forbidden");
        await AssertProblemAsync(ownerInvite, HttpStatusCode.Forbidden, "workspaces.forbidden");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
    }

    [Theory, BothProviders]
    public async Task Members_cannot_manage_members_or_invitations(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (ownerId, _, owner) = await api.SignUpAsync();
        var workspace = await api.CreateWorkspaceAsync(owner);
        var (_, _, member) = await api.JoinedMemberAsync(owner, workspace, "member");

        await AssertProblemAsync(await api.SendAsync(HttpMethod.Patch, $"/workspaces/{workspace}/members/{ownerId}", new { role = "viewer" }, member),
            HttpStatusCode.Forbidden, "workspaces.forbidden");
        await AssertProblemAsync(await api.SendAsync(HttpMethod.Get, $"/workspaces/{workspace}/invitations", token: member),
            HttpStatusCode.Forbidden, "workspaces.forbidden");
    }

    [Theory, BothProviders]
    public async Task An_invitation_answers_its_token_once_and_lists_as_pending(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, owner) = await api.SignUpAsync();
        var workspace = await api.CreateWorkspaceAsync(owner);
        var email = TestUsers.NewEmail();

        var response = await api.PostAsync($"/workspaces/{workspace}/invitations", new { email, role = "admin" }, owner);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(43, body.GetProperty("token").GetString()!.Length);
        Assert.Equal(api.Clock.GetUtcNow().UtcDateTime.AddHours(48), body.GetProperty("invitation").GetProperty("expiresAt").GetDateTime().ToUniversalTime());
        var pending = await (await api.SendAsync(HttpMethod.Get, $"/workspaces/{workspace}/invitations", token: owner)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([email], pending.EnumerateArray().Select(i => i.GetProperty("email").GetString()));
        Assert.DoesNotContain(body.GetProperty("token").GetString()!, await api.Database.ScalarAsync<string>(
            $"SELECT token_hash FROM {api.Database.Table("workspaces", "invitations")}"), StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Accepting_an_invitation_makes_the_caller_a_member_with_its_role(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (owner, workspace, email, token) = await api.WorkspaceAndVerifiedInviteeAsync();
        var (_, invitation) = await api.InviteAsync(owner, workspace, email.ToUpperInvariant(), "admin");

        var response = await api.PostAsync("/invitations/accept", new { token = invitation }, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var membership = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(workspace, membership.GetProperty("workspaceId").GetGuid());
        Assert.Equal("admin", membership.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Get, $"/workspaces/{workspace}", token: token)).StatusCode);
        Assert.Empty((await (await api.SendAsync(HttpMethod.Get, $"/workspaces/{workspace}/invitations", token: owner)).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
    }

    [Theory, BothProviders]
    public async Task Accepting_twice_answers_410_used(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (owner, workspace, email, token) = await api.WorkspaceAndVerifiedInviteeAsync();
        var (_, invitation) = await api.InviteAsync(owner, workspace, email);
        await api.PostAsync("/invitations/accept", new { token = invitation }, token);

        var again = await api.PostAsync("/invitations/accept", new { token = invitation }, token);

        await AssertProblemAsync(again, HttpStatusCode.Gone, "workspaces.invitation_used");
    }

    [Theory, BothProviders]
    public async Task Accepting_an_expired_invitation_answers_410(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (owner, workspace, email, token) = await api.WorkspaceAndVerifiedInviteeAsync();
        var (_, invitation) = await api.InviteAsync(owner, workspace, email);
        api.Clock.Advance(TimeSpan.FromHours(48));

        var response = await api.PostAsync("/invitations/accept", new { token = invitation }, token);

        await AssertProblemAsync(response, HttpStatusCode.Gone, "workspaces.invitation_expired");
        Assert.Equal("expired", await api.Database.ScalarAsync<string>($"SELECT status FROM {api.Database.Table("workspaces", "invitations")}"));
    }

    [Theory, BothProviders]
    public async Task Accepting_a_revoked_invitation_answers_410(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (owner, workspace, email, token) = await api.WorkspaceAndVerifiedInviteeAsync();
        var (id, invitation) = await api.InviteAsync(owner, workspace, email);
        Assert.Equal(HttpStatusCode.NoContent, (await api.SendAsync(HttpMethod.Delete, $"/workspaces/{workspace}/invitations/{id}", token: owner)).StatusCode);

        var response = await api.PostAsync("/invitations/accept", new { token = invitation }, token);

        await AssertProblemAsync(response, HttpStatusCode.Gone, "workspaces.invitation_revoked");
    }

    [Theory, BothProviders]
    public async Task Re_inviting_an_address_replaces_its_pending_invitation(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (owner, workspace, email, token) = await api.WorkspaceAndVerifiedInviteeAsync();
        var (_, first) = await api.InviteAsync(owner, workspace, email, "viewer");
        var (_, second) = await api.InviteAsync(owner, workspace, email, "admin");

        var old = await api.PostAsync("/invitations/accept", new { token = first }, token);
        var current = await api.PostAsync("/invitations/accept", new { token = second }, token);

        await AssertProblemAsync(old, HttpStatusCode.Gone, "workspaces.invitation_revoked");
        Assert.Equal("admin", (await current.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
    }

    [Theory, BothProviders]
    public async Task Accepting_needs_a_verified_email_matching_the_invitation(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, owner) = await api.SignUpAsync();
        var workspace = await api.CreateWorkspaceAsync(owner);
        var (_, email, unverified) = await api.SignUpAsync();
        var (_, otherEmail, other) = await api.SignUpAsync();
        await api.VerifyEmailAsync(otherEmail, other);
        var (_, invitation) = await api.InviteAsync(owner, workspace, email);

        await AssertProblemAsync(await api.PostAsync("/invitations/accept", new { token = invitation }, unverified), HttpStatusCode.Forbidden, "workspaces.email_unverified");
        await AssertProblemAsync(await api.PostAsync("/invitations/accept", new { token = invitation }, other), HttpStatusCode.Forbidden, "workspaces.invitation_email_mismatch");
    }

    [Theory, BothProviders]
    public async Task Accepting_when_already_a_member_answers_409_and_an_unknown_token_400(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, owner) = await api.SignUpAsync();
        var workspace = await api.CreateWorkspaceAsync(owner);
        var (_, email, token) = await api.JoinedMemberAsync(owner, workspace);
        var (_, invitation) = await api.InviteAsync(owner, workspace, email, "admin");

        await AssertProblemAsync(await api.PostAsync("/invitations/accept", new { token = invitation }, token), HttpStatusCode.Conflict, "workspaces.already_member");
        await AssertProblemAsync(await api.PostAsync("/invitations/accept", new { token = "no-such-invitation" }, token), HttpStatusCode.BadRequest, "workspaces.invalid_invitation");
    }

    [Theory, BothProviders]
    public async Task Deleting_a_user_removes_their_memberships_and_flags_workspaces_left_without_an_owner(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var (ownerId, _, owner) = await api.SignUpAsync();
        var workspace = await api.CreateWorkspaceAsync(owner);
        var (_, _, member) = await api.JoinedMemberAsync(owner, workspace, "admin");

        Assert.Equal(HttpStatusCode.NoContent, (await api.SendAsync(HttpMethod.Delete, $"/admin/users/{ownerId}", token: admin)).StatusCode);

        var seen = await (await api.SendAsync(HttpMethod.Get, $"/workspaces/{workspace}", token: member)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(seen.GetProperty("needsOwner").GetBoolean());
        var members = await (await api.SendAsync(HttpMethod.Get, $"/workspaces/{workspace}/members", token: member)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(ownerId, members.EnumerateArray().Select(m => m.GetProperty("userId").GetGuid()));
    }

    [Theory, BothProviders]
    public async Task An_admin_of_an_ownerless_workspace_may_make_an_owner(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var (ownerId, _, owner) = await api.SignUpAsync();
        var workspace = await api.CreateWorkspaceAsync(owner);
        var (memberId, _, member) = await api.JoinedMemberAsync(owner, workspace, "admin");
        await api.SendAsync(HttpMethod.Delete, $"/admin/users/{ownerId}", token: admin);

        var crowned = await api.SendAsync(HttpMethod.Patch, $"/workspaces/{workspace}/members/{memberId}", new { role = "owner" }, member);

        Assert.Equal(HttpStatusCode.OK, crowned.StatusCode);
        var seen = await (await api.SendAsync(HttpMethod.Get, $"/workspaces/{workspace}", token: member)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(seen.GetProperty("needsOwner").GetBoolean());
    }

    [Theory, BothProviders]
    public async Task Workspace_changes_leave_audit_rows(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (ownerId, _, owner) = await api.SignUpAsync();
        var workspace = await api.CreateWorkspaceAsync(owner);
        var (memberId, _, _) = await api.JoinedMemberAsync(owner, workspace);
        await api.SendAsync(HttpMethod.Patch, $"/workspaces/{workspace}/members/{memberId}", new { role = "viewer" }, owner);
        await api.SendAsync(HttpMethod.Delete, $"/workspaces/{workspace}/members/{memberId}", token: owner);

        var actions = await api.Database.ScalarAsync<string>(provider == DatabaseProvider.Postgres
            ? $"SELECT string_agg(DISTINCT action, ',' ORDER BY action) FROM auth.audit_log WHERE target = 'workspace:{workspace}'"
            : $"SELECT group_concat(action, ',') FROM (SELECT DISTINCT action FROM auth_audit_log WHERE target = 'workspace:{workspace}' ORDER BY action)");

        Assert.Equal("workspace_created,workspace_invitation_accepted,workspace_invitation_created,workspace_member_removed,workspace_member_role_changed", actions);
        Assert.Equal(1, await api.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM {api.Database.Table("auth", "audit_log")} WHERE action = 'workspace_created' AND actor_id = '{api.Database.SqlId(ownerId)}'"));
    }
}
