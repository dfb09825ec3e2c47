using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Events;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Events;
using Strata.Modules.Auth.Services;
using Strata.Testing;
using static Strata.Api.Tests.ProblemAssertions;

namespace Strata.Api.Tests.Endpoints;

public sealed class AdminRouteTests(ApiTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task A_user_without_the_permission_gets_403_and_the_denial_is_audited(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (id, _, token) = await api.SignUpAsync();

        var response = await api.SendAsync(HttpMethod.Get, "/admin/roles", token: token);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "auth.forbidden");
        Assert.Equal(1, await api.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM {api.Database.Table("auth", "audit_log")} WHERE action = 'authz_fail' AND target = 'GET /admin/roles'"));
        Assert.NotEqual(Guid.Empty, id);
    }

    [Theory, BothProviders]
    public async Task Admin_routes_need_a_session(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);

        await AssertProblemAsync(await api.SendAsync(HttpMethod.Get, "/admin/roles"), HttpStatusCode.Unauthorized, "auth.unauthorized");
    }

    [Theory, BothProviders]
    public async Task The_seeded_roles_nest_admin_over_editor_over_member(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, token) = await api.AdminAsync();

        var roles = await (await api.SendAsync(HttpMethod.Get, "/admin/roles", token: token)).Content.ReadFromJsonAsync<JsonElement>();

        var byName = roles.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(byName["editor"].GetProperty("id").GetGuid(), byName["admin"].GetProperty("parentRoleId").GetGuid());
        Assert.Equal(byName["member"].GetProperty("id").GetGuid(), byName["editor"].GetProperty("parentRoleId").GetGuid());
        Assert.True(byName["admin"].GetProperty("isSystem").GetBoolean());
    }

    [Theory, BothProviders]
    public async Task The_admin_holds_every_declared_permission(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, token) = await api.AdminAsync();

        var mine = await (await api.SendAsync(HttpMethod.Get, "/auth/me/permissions", token: token)).Content.ReadFromJsonAsync<string[]>();
        var all = await (await api.SendAsync(HttpMethod.Get, "/admin/permissions", token: token)).Content.ReadFromJsonAsync<string[]>();

        Assert.Equal(all, mine);
        Assert.Contains("rbac.manage", all!);
        Assert.Contains("widgets.write", all!);
    }

    [Theory, BothProviders]
    public async Task Permissions_are_inherited_three_levels_deep(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var (user, _, token) = await api.SignUpAsync();
        var grandparent = await CreateRoleAsync(api, admin, "grandparent", null);
        var parent = await CreateRoleAsync(api, admin, "parent", grandparent);
        var child = await CreateRoleAsync(api, admin, "child", parent);
        await api.SendAsync(HttpMethod.Put, $"/admin/roles/{grandparent}/permissions", new { permissions = new[] { "widgets.read" } }, admin);
        await api.SendAsync(HttpMethod.Put, $"/admin/roles/{parent}/permissions", new { permissions = new[] { "widgets.write" } }, admin);

        var grant = await api.SendAsync(HttpMethod.Post, $"/admin/users/{user}/roles/{child}", token: admin);
        var direct = await api.SendAsync(HttpMethod.Post, $"/admin/users/{user}/permissions/audit.read", token: admin);
        var mine = await (await api.SendAsync(HttpMethod.Get, "/auth/me/permissions", token: token)).Content.ReadFromJsonAsync<string[]>();

        Assert.Equal(HttpStatusCode.NoContent, grant.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, direct.StatusCode);
        Assert.Equal(["audit.read", "widgets.read", "widgets.write"], mine!);
    }

    [Theory, BothProviders]
    public async Task Revoking_a_role_or_a_direct_permission_takes_it_away(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var (user, _, token) = await api.SignUpAsync();
        var role = await CreateRoleAsync(api, admin, "readers", null);
        await api.SendAsync(HttpMethod.Put, $"/admin/roles/{role}/permissions", new { permissions = new[] { "widgets.read" } }, admin);
        await api.SendAsync(HttpMethod.Post, $"/admin/users/{user}/roles/{role}", token: admin);
        await api.SendAsync(HttpMethod.Post, $"/admin/users/{user}/permissions/audit.read", token: admin);

        await api.SendAsync(HttpMethod.Delete, $"/admin/users/{user}/roles/{role}", token: admin);
        await api.SendAsync(HttpMethod.Delete, $"/admin/users/{user}/permissions/audit.read", token: admin);

        Assert.Empty((await (await api.SendAsync(HttpMethod.Get, "/auth/me/permissions", token: token)).Content.ReadFromJsonAsync<string[]>())!);
    }

    [Theory, BothProviders]
    public async Task A_parent_that_would_make_a_cycle_is_refused(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var top = await CreateRoleAsync(api, admin, "top", null);
        var middle = await CreateRoleAsync(api, admin, "middle", top);
        var bottom = await CreateRoleAsync(api, admin, "bottom", middle);

        var response = await api.SendAsync(HttpMethod.Patch, $"/admin/roles/{top}", new { parentRoleId = bottom }, admin);

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "auth.role_cycle");
    }

    [Theory, BothProviders]
    public async Task Role_names_are_unique_whatever_the_case(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var first = await api.PostAsync("/admin/roles", new { name = "Support" }, admin);

        var response = await api.PostAsync("/admin/roles", new { name = "  support " }, admin);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "auth.role_name_taken");
    }

    [Theory, BothProviders]
    public async Task Renaming_a_role_to_a_taken_name_answers_409(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        await api.PostAsync("/admin/roles", new { name = "Support" }, admin);
        var other = await CreateRoleAsync(api, admin, "other", null);

        var response = await api.SendAsync(HttpMethod.Patch, $"/admin/roles/{other}", new { name = "SUPPORT" }, admin);

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "auth.role_name_taken");
    }

    [Theory, BothProviders]
    public async Task A_system_role_cannot_be_deleted_but_a_custom_one_can(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var roles = await (await api.SendAsync(HttpMethod.Get, "/admin/roles", token: admin)).Content.ReadFromJsonAsync<JsonElement>();
        var member = roles.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "member").GetProperty("id").GetGuid();
        var custom = await CreateRoleAsync(api, admin, "temporary", null);

        var system = await api.SendAsync(HttpMethod.Delete, $"/admin/roles/{member}", token: admin);
        var deleted = await api.SendAsync(HttpMethod.Delete, $"/admin/roles/{custom}", token: admin);

        await AssertProblemAsync(system, HttpStatusCode.Conflict, "auth.system_role");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await AssertProblemAsync(await api.SendAsync(HttpMethod.Get, $"/admin/roles/{custom}", token: admin), HttpStatusCode.NotFound, "auth.role_not_found");
    }

    [Theory, BothProviders]
    public async Task Unknown_permission_keys_are_refused(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var role = await CreateRoleAsync(api, admin, "strict", null);

        var response = await api.SendAsync(HttpMethod.Put, $"/admin/roles/{role}/permissions", new { permissions = new[] { "nope.nothing" } }, admin);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "auth.unknown_permission");
    }

    [Theory, BothProviders]
    public async Task The_audit_log_filters_by_action_and_pages_by_cursor(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var (_, email, _) = await api.SignUpAsync();
        for (var i = 0; i < 3; i++)
        {
            api.Clock.Advance(TimeSpan.FromSeconds(1));
            await api.PostAsync("/auth/sign-in", new { email, password = "wrong password!" });
        }

        var first = await (await api.SendAsync(HttpMethod.Get, "/admin/audit-log?action=authn_login_fail&limit=2", token: admin)).Content.ReadFromJsonAsync<JsonElement>();
        var cursor = Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!);
        var second = await (await api.SendAsync(HttpMethod.Get, $"/admin/audit-log?action=authn_login_fail&limit=2&cursor={cursor}", token: admin)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.All(first.GetProperty("items").EnumerateArray(), e => Assert.Equal("authn_login_fail", e.GetProperty("action").GetString()));
    }

    [Theory, BothProviders]
    public async Task Audit_rows_vanish_with_a_rolled_back_unit(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        await using var scope = api.Api.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
        var events = scope.ServiceProvider.GetRequiredService<IDomainEventPublisher>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => session.InTransactionAsync(async token =>
        {
            await events.PublishAsync(new AuditEvent("test_rolled_back", null, null, AuditOutcomes.Success), token);
            throw new InvalidOperationException("the change failed");
        }));

        Assert.Equal(0, await api.Database.ScalarAsync<long>($"SELECT count(*) FROM {api.Database.Table("auth", "audit_log")} WHERE action = 'test_rolled_back'"));
    }

    [Theory, BothProviders]
    public async Task Deleting_a_user_revokes_their_sessions(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var (user, email, token) = await api.SignUpAsync();

        var response = await api.SendAsync(HttpMethod.Delete, $"/admin/users/{user}", token: admin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.SendAsync(HttpMethod.Get, "/auth/session", token: token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsync("/auth/sign-in", new { email, password = TestUsers.Password })).StatusCode);
    }

    [Theory, BothProviders]
    public async Task A_hash_made_with_fewer_iterations_is_upgraded_at_the_next_sign_in(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (user, email, _) = await api.SignUpAsync();
        var before = await api.Database.PasswordIterationsAsync(user);
        await using var stronger = await TestApi.StartAsync(StrataTestSettings.Merge(
            await databases.GrantedServingSettingsAsync(api.Database),
            new Dictionary<string, string?> { [StrataTestSettings.PasswordIterationsKey] = "2000" }));

        var response = await stronger.Client.PostAsJsonAsync(new Uri("/auth/sign-in", UriKind.Relative), new { email, password = TestUsers.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StrataTestSettings.PasswordIterations, before);
        Assert.Equal(2000, await api.Database.PasswordIterationsAsync(user));
    }

    private static async Task<Guid> CreateRoleAsync(ApiHarness api, string token, string name, Guid? parent)
    {
        var response = await api.PostAsync("/admin/roles", new { name = $"{name}-{Guid.NewGuid():N}"[..20], parentRoleId = parent }, token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
