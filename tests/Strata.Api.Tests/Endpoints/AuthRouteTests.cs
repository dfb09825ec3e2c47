using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Strata.Data.Configuration;
using Strata.Testing;
using static Strata.Api.Tests.ProblemAssertions;

namespace Strata.Api.Tests.Endpoints;

public sealed class AuthRouteTests(ApiTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Sign_up_answers_201_with_the_user_and_a_session(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var email = TestUsers.NewEmail();

        var response = await api.PostAsync("/auth/sign-up", new { email, password = TestUsers.Password, name = "Ada" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(email, body.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal(43, body.GetProperty("session").GetProperty("token").GetString()!.Length);
        Assert.Equal(api.Clock.GetUtcNow().UtcDateTime.AddDays(7), body.GetProperty("session").GetProperty("expiresAt").GetDateTime().ToUniversalTime());
    }

    [Theory, BothProviders]
    public async Task Sign_up_with_a_taken_email_in_any_case_answers_409(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, email, _) = await api.SignUpAsync();

        var response = await api.PostAsync("/auth/sign-up", new { email = email.ToUpperInvariant(), password = TestUsers.Password, name = "Twin" });

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "auth.email_taken");
    }

    [Theory, BothProviders]
    public async Task Sign_up_with_bad_fields_answers_400_naming_each(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);

        var response = await api.PostAsync("/auth/sign-up", new { email = "not-an-email", password = "x", name = "" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Theory, BothProviders]
    public async Task Sign_up_with_a_short_password_answers_400(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);

        var response = await api.PostAsync("/auth/sign-up", new { email = TestUsers.NewEmail(), password = "short", name = "Ada" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "auth.weak_password");
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Theory, BothProviders]
    public async Task Sign_in_answers_200_with_a_new_session(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (id, email, first) = await api.SignUpAsync();

        var response = await api.PostAsync("/auth/sign-in", new { email, password = TestUsers.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, body.GetProperty("user").GetProperty("id").GetGuid());
        Assert.NotEqual(first, body.GetProperty("session").GetProperty("token").GetString());
    }

    [Theory, BothProviders]
    public async Task An_unknown_email_and_a_wrong_password_get_the_same_answer(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, email, _) = await api.SignUpAsync();

        var unknown = await api.PostAsync("/auth/sign-in", new { email = TestUsers.NewEmail(), password = TestUsers.Password });
        var wrong = await api.PostAsync("/auth/sign-in", new { email, password = "not the password at all" });

        var unknownBody = await AssertProblemAsync(unknown, HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        var wrongBody = await AssertProblemAsync(wrong, HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        Assert.Equal(Without(unknownBody, "traceId"), Without(wrongBody, "traceId"));
    }

    [Theory, BothProviders]
    public async Task The_fifth_failure_locks_the_account_until_the_lockout_passes(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (id, email, _) = await api.SignUpAsync();
        for (var i = 0; i < 5; i++)
        {
            await api.PostAsync("/auth/sign-in", new { email, password = "wrong password!" });
        }

        var whileLocked = await api.PostAsync("/auth/sign-in", new { email, password = TestUsers.Password });
        api.Clock.Advance(TimeSpan.FromMinutes(2));
        var afterwards = await api.PostAsync("/auth/sign-in", new { email, password = TestUsers.Password });

        await AssertProblemAsync(whileLocked, HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.Equal(5, await api.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM {api.Database.Table("auth", "audit_log")} WHERE action = 'authn_login_fail' AND actor_id = '{api.Database.SqlId(id)}'") - 1);
        Assert.Equal(1, await api.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM {api.Database.Table("auth", "audit_log")} WHERE action = 'authn_login_lock' AND actor_id = '{api.Database.SqlId(id)}'"));
    }

    [Theory, BothProviders]
    public async Task A_refused_sign_in_is_recorded(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (id, email, _) = await api.SignUpAsync();

        await api.PostAsync("/auth/sign-in", new { email, password = "wrong password!" });

        Assert.Equal(1, await api.Database.ScalarAsync<long>($"SELECT failed_sign_in_count FROM {api.Database.Table("auth", "users")} WHERE public_id = '{api.Database.SqlId(id)}'"));
        Assert.Equal(1, await api.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM {api.Database.Table("auth", "audit_log")} WHERE action = 'authn_login_fail' AND outcome = 'failure' AND actor_id = '{api.Database.SqlId(id)}'"));
    }

    [Theory, BothProviders]
    public async Task The_session_route_answers_the_signed_in_user(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (id, _, token) = await api.SignUpAsync();

        var response = await api.SendAsync(HttpMethod.Get, "/auth/session", token: token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(id, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetGuid());
    }

    [Theory, BothProviders]
    public async Task A_missing_or_unknown_token_answers_401(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);

        var missing = await api.SendAsync(HttpMethod.Get, "/auth/session");
        var unknown = await api.SendAsync(HttpMethod.Get, "/auth/session", token: "not-a-real-token");

        await AssertProblemAsync(missing, HttpStatusCode.Unauthorized, "auth.unauthorized");
        await AssertProblemAsync(unknown, HttpStatusCode.Unauthorized, "auth.unauthorized");
    }

    [Theory, BothProviders]
    public async Task Sign_out_revokes_the_current_session(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, token) = await api.SignUpAsync();

        var signOut = await api.SendAsync(HttpMethod.Post, "/auth/sign-out", token: token);
        var after = await api.SendAsync(HttpMethod.Get, "/auth/session", token: token);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Theory, BothProviders]
    public async Task Signing_out_answers_401_at_once_to_a_token_the_instance_just_served(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, token) = await api.SignUpAsync();
        var served = await api.SendAsync(HttpMethod.Get, "/auth/session", token: token);

        await api.SendAsync(HttpMethod.Post, "/auth/sign-out", token: token);
        var after = await api.SendAsync(HttpMethod.Get, "/auth/session", token: token);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        await AssertProblemAsync(after, HttpStatusCode.Unauthorized, "auth.unauthorized");
    }

    [Theory, BothProviders]
    public async Task A_password_reset_answers_401_at_once_to_every_session_the_instance_just_served(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, email, first) = await api.SignUpAsync();
        var second = (await (await api.PostAsync("/auth/sign-in", new { email, password = TestUsers.Password })).Content
            .ReadFromJsonAsync<JsonElement>()).GetProperty("session").GetProperty("token").GetString()!;
        var served = new[] { await api.SendAsync(HttpMethod.Get, "/auth/session", token: first), await api.SendAsync(HttpMethod.Get, "/auth/session", token: second) };
        await api.PostAsync("/auth/password/forgot", new { email });

        await api.PostAsync("/auth/password/reset", new { token = api.Mail.LastCode(email, "password_reset"), password = "a brand new passphrase" });

        Assert.All(served, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.SendAsync(HttpMethod.Get, "/auth/session", token: first)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.SendAsync(HttpMethod.Get, "/auth/session", token: second)).StatusCode);
    }

    [Theory, BothProviders]
    public async Task Sessions_are_listed_and_revoked_one_by_one(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, email, first) = await api.SignUpAsync();
        var second = (await (await api.PostAsync("/auth/sign-in", new { email, password = TestUsers.Password })).Content
            .ReadFromJsonAsync<JsonElement>()).GetProperty("session").GetProperty("token").GetString()!;

        var sessions = await (await api.SendAsync(HttpMethod.Get, "/auth/sessions", token: second)).Content.ReadFromJsonAsync<JsonElement>();
        var other = sessions.EnumerateArray().Single(s => !s.GetProperty("current").GetBoolean()).GetProperty("id").GetGuid();
        var revoke = await api.SendAsync(HttpMethod.Delete, $"/auth/sessions/{other}", token: second);

        Assert.Equal(2, sessions.GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.SendAsync(HttpMethod.Get, "/auth/session", token: first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Get, "/auth/session", token: second)).StatusCode);
    }

    [Theory, BothProviders]
    public async Task Revoking_someone_elses_session_answers_404(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, mine) = await api.SignUpAsync();
        var (_, _, theirs) = await api.SignUpAsync();
        var theirSession = (await (await api.SendAsync(HttpMethod.Get, "/auth/session", token: theirs)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("session").GetProperty("id").GetGuid();

        var response = await api.SendAsync(HttpMethod.Delete, $"/auth/sessions/{theirSession}", token: mine);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "auth.session_not_found");
    }

    [Theory, BothProviders]
    public async Task A_session_expires_after_seven_days_unused(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, token) = await api.SignUpAsync();

        api.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.SendAsync(HttpMethod.Get, "/auth/session", token: token)).StatusCode);
    }

    [Theory, BothProviders]
    public async Task A_session_used_after_a_day_is_renewed_for_seven_more(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, token) = await api.SignUpAsync();

        api.Clock.Advance(TimeSpan.FromDays(6));
        await api.SendAsync(HttpMethod.Get, "/auth/session", token: token);
        api.Clock.Advance(TimeSpan.FromDays(6));
        var later = await api.SendAsync(HttpMethod.Get, "/auth/session", token: token);

        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(api.Clock.GetUtcNow().UtcDateTime.AddDays(7),
            (await later.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("session").GetProperty("expiresAt").GetDateTime().ToUniversalTime());
    }

    [Theory, BothProviders]
    public async Task Email_verification_confirms_once(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, email, token) = await api.SignUpAsync();

        var request = await api.SendAsync(HttpMethod.Post, "/auth/email-verification", token: token);
        var code = api.Mail.LastCode(email, "email_verification");
        var confirm = await api.PostAsync("/auth/email-verification/confirm", new { token = code });
        var again = await api.PostAsync("/auth/email-verification/confirm", new { token = code });

        Assert.Equal(HttpStatusCode.Accepted, request.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.True((await confirm.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("emailVerified").GetBoolean());
        await AssertProblemAsync(again, HttpStatusCode.Gone, "auth.token_used");
    }

    [Theory, BothProviders]
    public async Task An_expired_verification_code_answers_410(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, email, token) = await api.SignUpAsync();
        await api.SendAsync(HttpMethod.Post, "/auth/email-verification", token: token);

        api.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var confirm = await api.PostAsync("/auth/email-verification/confirm", new { token = api.Mail.LastCode(email, "email_verification") });

        await AssertProblemAsync(confirm, HttpStatusCode.Gone, "auth.token_expired");
    }

    [Theory, BothProviders]
    public async Task An_unknown_code_answers_400(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);

        var confirm = await api.PostAsync("/auth/email-verification/confirm", new { token = "made-up" });

        await AssertProblemAsync(confirm, HttpStatusCode.BadRequest, "auth.invalid_token");
    }

    [Theory, BothProviders]
    public async Task Forgot_password_answers_202_for_unknown_emails_too_and_sends_nothing(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);

        var response = await api.PostAsync("/auth/password/forgot", new { email = TestUsers.NewEmail() });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(api.Mail.Sent);
    }

    [Theory, BothProviders]
    public async Task A_password_reset_sets_the_password_and_revokes_every_session(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, email, token) = await api.SignUpAsync();
        await api.PostAsync("/auth/password/forgot", new { email });
        var code = api.Mail.LastCode(email, "password_reset");

        var reset = await api.PostAsync("/auth/password/reset", new { token = code, password = "a brand new passphrase" });
        var reused = await api.PostAsync("/auth/password/reset", new { token = code, password = "yet another passphrase" });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        await AssertProblemAsync(reused, HttpStatusCode.Gone, "auth.token_used");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.SendAsync(HttpMethod.Get, "/auth/session", token: token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/auth/sign-in", new { email, password = "a brand new passphrase" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsync("/auth/sign-in", new { email, password = TestUsers.Password })).StatusCode);
    }

    [Theory, BothProviders]
    public async Task Changing_the_password_requires_the_current_one(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, email, token) = await api.SignUpAsync();

        var wrong = await api.PostAsync("/auth/password/change", new { currentPassword = "not it at all", newPassword = "a brand new passphrase" }, token);
        var right = await api.PostAsync("/auth/password/change", new { currentPassword = TestUsers.Password, newPassword = "a brand new passphrase" }, token);

        await AssertProblemAsync(wrong, HttpStatusCode.BadRequest, "auth.wrong_password");
        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/auth/sign-in", new { email, password = "a brand new passphrase" })).StatusCode);
    }

    [Theory, BothProviders]
    public async Task The_database_never_holds_a_usable_token_or_password(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, email, token) = await api.SignUpAsync();
        await api.PostAsync("/auth/password/forgot", new { email });
        var code = api.Mail.LastCode(email, "password_reset");

        var dump = await api.DumpAuthTablesAsync();

        Assert.DoesNotContain(token, dump, StringComparison.Ordinal);
        Assert.DoesNotContain(code, dump, StringComparison.Ordinal);
        Assert.DoesNotContain(TestUsers.Password, dump, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task The_default_sender_queues_mail_encrypted_with_a_key_ring_kept_in_the_database(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider, captureMail: false);
        var (_, email, _) = await api.SignUpAsync();

        var response = await api.PostAsync("/auth/password/forgot", new { email });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var outbox = api.Database.Table("auth", "mail_outbox");
        Assert.Equal(1, await api.Database.ScalarAsync<long>($"SELECT count(*) FROM {outbox} WHERE kind = 'password_reset'"));
        Assert.DoesNotContain("Reset your password", await api.Database.ScalarAsync<string>($"SELECT body_protected FROM {outbox}"), StringComparison.Ordinal);
        Assert.True(await api.Database.ScalarAsync<long>($"SELECT count(*) FROM {api.Database.Table("auth", "data_protection_keys")}") >= 1);
    }

    [Theory, BothProviders]
    public async Task A_reset_code_of_a_deleted_user_answers_400_invalid_token(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var (user, email, _) = await api.SignUpAsync();
        await api.PostAsync("/auth/password/forgot", new { email });
        await api.SendAsync(HttpMethod.Delete, $"/admin/users/{user}", token: admin);

        var reset = await api.PostAsync("/auth/password/reset", new { token = api.Mail.LastCode(email, "password_reset"), password = "a brand new passphrase" });

        await AssertProblemAsync(reset, HttpStatusCode.BadRequest, "auth.invalid_token");
    }

    [Theory, BothProviders]
    public async Task An_email_code_of_a_deleted_user_answers_400_invalid_token(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var (user, email, token) = await api.SignUpAsync();
        await api.SendAsync(HttpMethod.Post, "/auth/email-verification", token: token);
        await api.SendAsync(HttpMethod.Delete, $"/admin/users/{user}", token: admin);

        var confirm = await api.PostAsync("/auth/email-verification/confirm", new { token = api.Mail.LastCode(email, "email_verification") });

        await AssertProblemAsync(confirm, HttpStatusCode.BadRequest, "auth.invalid_token");
    }

    [Theory, BothProviders]
    public async Task Each_security_event_leaves_its_audit_row(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var (user, email, token) = await api.SignUpAsync();
        await api.PostAsync("/auth/sign-in", new { email, password = TestUsers.Password });
        await api.PostAsync("/auth/password/change", new { currentPassword = TestUsers.Password, newPassword = "a brand new passphrase" }, token);
        await api.SendAsync(HttpMethod.Post, $"/admin/users/{user}/permissions/audit.read", token: admin);
        await api.SendAsync(HttpMethod.Post, "/auth/sign-out", token: token);

        var actions = await api.Database.ScalarAsync<string>(provider == DatabaseProvider.Postgres
            ? $"SELECT string_agg(DISTINCT action, ',' ORDER BY action) FROM auth.audit_log WHERE actor_id = '{user}' OR target = 'user:{user}'"
            : $"SELECT group_concat(action, ',') FROM (SELECT DISTINCT action FROM auth_audit_log WHERE actor_id = '{user.ToString().ToUpperInvariant()}' OR target = 'user:{user}' ORDER BY action)");

        Assert.Equal("authn_login_success,authn_password_change,authn_token_created,authn_token_revoked,authz_change,user_created", actions);
    }

    [Fact]
    public async Task Sign_in_is_rate_limited_per_address_with_retry_after()
    {
        await using var api = await ApiHarness.StartAsync(databases, DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Strata:Api:AuthPermitLimit"] = "2" });

        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await api.PostAsync("/auth/sign-in", new { email = TestUsers.NewEmail(), password = "whatever it is" });
        }

        await AssertProblemAsync(last!, HttpStatusCode.TooManyRequests, "auth.rate_limited");
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    private static Dictionary<string, string> Without(JsonElement problem, string property) =>
        problem.EnumerateObject().Where(p => p.Name != property).ToDictionary(p => p.Name, p => p.Value.ToString());
}
