using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Strata.Data.Configuration;
using Strata.Testing;
using Strata.Testing.Passkeys;
using static Strata.Api.Tests.ProblemAssertions;

namespace Strata.Api.Tests.Endpoints;

/// <summary>
/// The passkey routes through Kestrel, with a software authenticator playing browser and device: every ceremony is
/// verified by ASP.NET Core Identity's passkey handler against the test API's relying party (strata.test).
/// </summary>
public sealed class PasskeyRouteTests(ApiTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Registering_a_passkey_answers_201_with_what_the_authenticator_reported(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, token) = await api.SignUpAsync();
        var authenticator = api.NewAuthenticator();

        var response = await api.RegisterPasskeyAsync(token, authenticator, "Laptop");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var passkey = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Laptop", passkey.GetProperty("name").GetString());
        Assert.Equal(authenticator.CredentialIdText, passkey.GetProperty("credentialId").GetString());
        Assert.Equal(authenticator.Aaguid, passkey.GetProperty("aaguid").GetGuid());
        Assert.Equal(["internal", "hybrid"], passkey.GetProperty("transports").EnumerateArray().Select(t => t.GetString()));
        Assert.True(passkey.GetProperty("backedUp").GetBoolean());
        Assert.Equal(JsonValueKind.Null, passkey.GetProperty("lastUsedAt").ValueKind);
    }

    [Theory, BothProviders]
    public async Task Registration_options_name_the_relying_party_and_the_user(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (id, email, token) = await api.SignUpAsync();

        var (ceremonyId, options) = await api.BeginCeremonyAsync("/auth/passkeys/register/options", token);

        Assert.Equal(43, ceremonyId.Length);
        Assert.Equal(StrataTestSettings.PasskeyRelyingPartyId, options.GetProperty("rp").GetProperty("id").GetString());
        Assert.Equal(email, options.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal(id.ToString(), System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(options.GetProperty("user").GetProperty("id").GetString())));
        Assert.Equal("required", options.GetProperty("authenticatorSelection").GetProperty("residentKey").GetString());
    }

    [Theory, BothProviders]
    public async Task Signing_in_with_a_passkey_answers_the_user_and_a_working_session(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (id, _, authenticator) = await api.SignUpWithPasskeyAsync();

        var response = await api.PasskeySignInAsync(authenticator);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, body.GetProperty("user").GetProperty("id").GetGuid());
        var session = await api.SendAsync(HttpMethod.Get, "/auth/session", token: body.GetProperty("session").GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
    }

    [Theory, BothProviders]
    public async Task A_sign_in_records_the_counter_and_the_time_of_use(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, token, authenticator) = await api.SignUpWithPasskeyAsync();
        authenticator.SignCount = 41;

        await api.PasskeySignInAsync(authenticator);

        var listed = (await api.SendAsync(HttpMethod.Get, "/auth/passkeys", token: token)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(api.Clock.GetUtcNow().UtcDateTime, (await listed)[0].GetProperty("lastUsedAt").GetDateTime().ToUniversalTime());
        Assert.Equal(42, await api.Database.ScalarAsync<long>($"SELECT sign_count FROM {api.Database.Table("auth", "passkeys")}"));
    }

    [Theory, BothProviders]
    public async Task A_second_passkey_is_registered_alongside_the_first_and_both_sign_in(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, token) = await api.SignUpAsync();
        var laptop = api.NewAuthenticator();
        var phone = api.NewAuthenticator();
        await api.RegisterPasskeyAsync(token, laptop, "Laptop");

        var (_, options) = await api.BeginCeremonyAsync("/auth/passkeys/register/options", token);
        var second = await api.RegisterPasskeyAsync(token, phone, "Phone");

        Assert.Equal([laptop.CredentialIdText], options.GetProperty("excludeCredentials").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var listed = await (await api.SendAsync(HttpMethod.Get, "/auth/passkeys", token: token)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Laptop", "Phone"], listed.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await api.PasskeySignInAsync(laptop)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PasskeySignInAsync(phone)).StatusCode);
    }

    [Theory, BothProviders]
    public async Task A_registration_from_another_origin_answers_400(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, token) = await api.SignUpAsync();
        using var authenticator = new SoftwareAuthenticator("https://evil.example");

        var response = await api.RegisterPasskeyAsync(token, authenticator);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "auth.passkey_invalid");
        Assert.Contains("origin", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await api.Database.ScalarAsync<long>($"SELECT count(*) FROM {api.Database.Table("auth", "passkeys")}"));
    }

    [Theory, BothProviders]
    public async Task A_sign_in_from_another_origin_answers_401(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, authenticator) = await api.SignUpWithPasskeyAsync();
        authenticator.Origin = "https://app.strata.test.evil.example";

        var response = await api.PasskeySignInAsync(authenticator);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }

    [Theory, BothProviders]
    public async Task A_replayed_sign_in_answer_is_refused_with_410(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, authenticator) = await api.SignUpWithPasskeyAsync();
        var (ceremonyId, options) = await api.BeginCeremonyAsync("/auth/passkeys/sign-in/options");
        var answer = new { ceremonyId, credential = ApiHarness.Json(authenticator.Assert(options)) };
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/auth/passkeys/sign-in", answer)).StatusCode);

        var replay = await api.PostAsync("/auth/passkeys/sign-in", answer);

        await AssertProblemAsync(replay, HttpStatusCode.Gone, "auth.ceremony_used");
    }

    [Theory, BothProviders]
    public async Task An_answer_to_another_ceremonys_challenge_is_refused(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, authenticator) = await api.SignUpWithPasskeyAsync();
        var (_, signedChallenge) = await api.BeginCeremonyAsync("/auth/passkeys/sign-in/options");
        var (otherCeremony, _) = await api.BeginCeremonyAsync("/auth/passkeys/sign-in/options");

        var response = await api.PostAsync("/auth/passkeys/sign-in", new { ceremonyId = otherCeremony, credential = ApiHarness.Json(authenticator.Assert(signedChallenge)) });

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }

    [Theory, BothProviders]
    public async Task An_expired_sign_in_ceremony_answers_410(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, authenticator) = await api.SignUpWithPasskeyAsync();
        var (ceremonyId, options) = await api.BeginCeremonyAsync("/auth/passkeys/sign-in/options");
        api.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await api.PostAsync("/auth/passkeys/sign-in", new { ceremonyId, credential = ApiHarness.Json(authenticator.Assert(options)) });

        await AssertProblemAsync(response, HttpStatusCode.Gone, "auth.ceremony_expired");
    }

    [Theory, BothProviders]
    public async Task An_expired_registration_ceremony_answers_410(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, token) = await api.SignUpAsync();
        var authenticator = api.NewAuthenticator();
        var (ceremonyId, options) = await api.BeginCeremonyAsync("/auth/passkeys/register/options", token);
        api.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await api.PostAsync("/auth/passkeys/register", new { ceremonyId, credential = ApiHarness.Json(authenticator.Register(options)) }, token);

        await AssertProblemAsync(response, HttpStatusCode.Gone, "auth.ceremony_expired");
    }

    [Theory, BothProviders]
    public async Task A_sign_count_that_goes_back_is_refused_and_audited(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, authenticator) = await api.SignUpWithPasskeyAsync();
        authenticator.SignCount = 10;
        Assert.Equal(HttpStatusCode.OK, (await api.PasskeySignInAsync(authenticator)).StatusCode);
        authenticator.SignCount = 4;

        var response = await api.PasskeySignInAsync(authenticator);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        Assert.Equal(11, await api.Database.ScalarAsync<long>($"SELECT sign_count FROM {api.Database.Table("auth", "passkeys")}"));
        Assert.Equal(1, await api.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM {api.Database.Table("auth", "audit_log")} WHERE action = 'authn_login_fail' AND outcome = 'failure'"));
    }

    [Theory, BothProviders]
    public async Task A_deleted_passkey_can_no_longer_sign_in(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, token) = await api.SignUpAsync();
        var authenticator = api.NewAuthenticator();
        var passkey = await (await api.RegisterPasskeyAsync(token, authenticator)).Content.ReadFromJsonAsync<JsonElement>();

        var deleted = await api.SendAsync(HttpMethod.Delete, $"/auth/passkeys/{passkey.GetProperty("id").GetGuid()}", token: token);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await AssertProblemAsync(await api.PasskeySignInAsync(authenticator), HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        Assert.Empty((await (await api.SendAsync(HttpMethod.Get, "/auth/passkeys", token: token)).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
    }

    [Theory, BothProviders]
    public async Task Signing_in_as_one_user_with_another_users_credential_is_refused(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, victims) = await api.SignUpWithPasskeyAsync();
        var (_, _, attackers) = await api.SignUpWithPasskeyAsync();
        // The attacker signs with their own key and credential but names the victim as the user.
        attackers.UserHandle = victims.UserHandle;

        var response = await api.PasskeySignInAsync(attackers);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }

    [Theory, BothProviders]
    public async Task Registering_a_credential_id_another_user_holds_answers_400(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, firstToken) = await api.SignUpAsync();
        var (_, _, secondToken) = await api.SignUpAsync();
        var original = api.NewAuthenticator();
        using var copy = new SoftwareAuthenticator(StrataTestSettings.PasskeyOrigin) { CredentialId = original.CredentialId };
        await api.RegisterPasskeyAsync(firstToken, original);

        var response = await api.RegisterPasskeyAsync(secondToken, copy);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "auth.passkey_invalid");
        Assert.Equal(1, await api.Database.ScalarAsync<long>($"SELECT count(*) FROM {api.Database.Table("auth", "passkeys")}"));
    }

    [Theory, BothProviders]
    public async Task A_registration_ceremony_cannot_be_finished_by_another_user(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, ownerToken) = await api.SignUpAsync();
        var (_, _, otherToken) = await api.SignUpAsync();
        var authenticator = api.NewAuthenticator();
        var (ceremonyId, options) = await api.BeginCeremonyAsync("/auth/passkeys/register/options", ownerToken);

        var response = await api.PostAsync("/auth/passkeys/register", new { ceremonyId, credential = ApiHarness.Json(authenticator.Register(options)) }, otherToken);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "auth.ceremony_invalid");
        Assert.True(problem.GetProperty("errors").TryGetProperty("ceremonyId", out _));
    }

    [Theory, BothProviders]
    public async Task An_unknown_ceremony_id_answers_400(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var authenticator = api.NewAuthenticator();
        var (_, options) = await api.BeginCeremonyAsync("/auth/passkeys/sign-in/options");

        var response = await api.PostAsync("/auth/passkeys/sign-in", new { ceremonyId = "not-a-ceremony", credential = ApiHarness.Json(authenticator.Assert(options)) });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "auth.ceremony_invalid");
    }

    [Theory, BothProviders]
    public async Task A_ceremony_answer_without_a_credential_answers_400_naming_it(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (ceremonyId, _) = await api.BeginCeremonyAsync("/auth/passkeys/sign-in/options");

        var response = await api.PostAsync("/auth/passkeys/sign-in", new { ceremonyId, credential = "not an object" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("credential", out _));
    }

    [Theory, BothProviders]
    public async Task A_garbled_credential_answers_401_and_spends_the_ceremony(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (ceremonyId, _) = await api.BeginCeremonyAsync("/auth/passkeys/sign-in/options");
        var garbled = new { ceremonyId, credential = new { id = "AAAA", type = "public-key", response = new { clientDataJSON = "!!" } } };

        var first = await api.PostAsync("/auth/passkeys/sign-in", garbled);
        var second = await api.PostAsync("/auth/passkeys/sign-in", garbled);

        await AssertProblemAsync(first, HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        await AssertProblemAsync(second, HttpStatusCode.Gone, "auth.ceremony_used");
    }

    [Theory, BothProviders]
    public async Task Renaming_a_passkey_answers_it_with_the_new_name(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, token) = await api.SignUpAsync();
        var authenticator = api.NewAuthenticator();
        var passkey = await (await api.RegisterPasskeyAsync(token, authenticator)).Content.ReadFromJsonAsync<JsonElement>();

        var response = await api.SendAsync(HttpMethod.Patch, $"/auth/passkeys/{passkey.GetProperty("id").GetGuid()}", new { name = "  Work key " }, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Work key", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
    }

    [Theory, BothProviders]
    public async Task Another_users_passkey_answers_404_to_rename_and_delete(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, ownerToken) = await api.SignUpAsync();
        var (_, _, otherToken) = await api.SignUpAsync();
        var authenticator = api.NewAuthenticator();
        var id = (await (await api.RegisterPasskeyAsync(ownerToken, authenticator)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var rename = await api.SendAsync(HttpMethod.Patch, $"/auth/passkeys/{id}", new { name = "Mine now" }, otherToken);
        var delete = await api.SendAsync(HttpMethod.Delete, $"/auth/passkeys/{id}", token: otherToken);

        await AssertProblemAsync(rename, HttpStatusCode.NotFound, "passkey.not_found");
        await AssertProblemAsync(delete, HttpStatusCode.NotFound, "passkey.not_found");
    }

    [Theory, BothProviders]
    public async Task Passkey_management_needs_a_session(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);

        var list = await api.SendAsync(HttpMethod.Get, "/auth/passkeys");
        var options = await api.SendAsync(HttpMethod.Post, "/auth/passkeys/register/options");

        await AssertProblemAsync(list, HttpStatusCode.Unauthorized, "auth.unauthorized");
        await AssertProblemAsync(options, HttpStatusCode.Unauthorized, "auth.unauthorized");
    }

    [Theory, BothProviders]
    public async Task Passkey_sign_in_and_registration_leave_audit_rows(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (id, _, authenticator) = await api.SignUpWithPasskeyAsync();
        await api.PasskeySignInAsync(authenticator);
        var audit = api.Database.Table("auth", "audit_log");

        Assert.Equal(1, await api.Database.ScalarAsync<long>($"SELECT count(*) FROM {audit} WHERE action = 'authn_passkey_added' AND actor_id = '{api.Database.SqlId(id)}'"));
        Assert.Equal(1, await api.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM {audit} WHERE action = 'authn_login_success' AND actor_id = '{api.Database.SqlId(id)}' AND metadata LIKE '%passkey%'"));
    }

    [Theory, BothProviders]
    public async Task The_database_never_holds_a_usable_ceremony_id(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, token) = await api.SignUpAsync();
        var (registration, _) = await api.BeginCeremonyAsync("/auth/passkeys/register/options", token);
        var (signIn, _) = await api.BeginCeremonyAsync("/auth/passkeys/sign-in/options");

        var dump = await api.DumpAuthTablesAsync();

        Assert.DoesNotContain(registration, dump, StringComparison.Ordinal);
        Assert.DoesNotContain(signIn, dump, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_refuses_to_start_with_an_origin_outside_the_relying_party()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Sqlite);
        var settings = StrataTestDatabases.ServingSettings(db);
        settings["Strata:Auth:Passkeys:Origins:0"] = "https://elsewhere.example";

        var refusal = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => TestApi.StartAsync(settings));

        Assert.Contains("Strata:Auth:Passkeys:Origins entry 'https://elsewhere.example' is not on the relying party's domain 'strata.test'", refusal.Message, StringComparison.Ordinal);
    }
}
