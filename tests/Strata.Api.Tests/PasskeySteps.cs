using System.Net.Http.Json;
using System.Text.Json;
using Strata.Testing;
using Strata.Testing.Passkeys;

namespace Strata.Api.Tests;

/// <summary>Passkey steps through the API: authenticators, and whole registration and sign-in ceremonies.</summary>
internal static class PasskeySteps
{
    /// <summary>An authenticator on the one origin the test API accepts, disposed with the harness.</summary>
    public static SoftwareAuthenticator NewAuthenticator(this ApiHarness api) => api.Own(new SoftwareAuthenticator(StrataTestSettings.PasskeyOrigin));

    /// <summary>Signs up a new user and registers a passkey for them.</summary>
    public static async Task<(Guid Id, string Token, SoftwareAuthenticator Authenticator)> SignUpWithPasskeyAsync(this ApiHarness api)
    {
        var (id, _, token) = await api.SignUpAsync();
        var authenticator = api.NewAuthenticator();
        (await api.RegisterPasskeyAsync(token, authenticator)).EnsureSuccessStatusCode();
        return (id, token, authenticator);
    }

    /// <summary>Starts a ceremony (<c>…/options</c>); returns its id and its WebAuthn options.</summary>
    public static async Task<(string CeremonyId, JsonElement Options)> BeginCeremonyAsync(this ApiHarness api, string path, string? token = null)
    {
        var response = await api.SendAsync(HttpMethod.Post, path, token: token);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("ceremonyId").GetString()!, body.GetProperty("options"));
    }

    /// <summary>Runs a whole registration ceremony for the signed-in <paramref name="token"/> with <paramref name="authenticator"/>.</summary>
    public static async Task<HttpResponseMessage> RegisterPasskeyAsync(this ApiHarness api, string token, SoftwareAuthenticator authenticator, string? name = null)
    {
        var (ceremonyId, options) = await api.BeginCeremonyAsync("/auth/passkeys/register/options", token);
        return await api.PostAsync("/auth/passkeys/register", new { ceremonyId, credential = ApiHarness.Json(authenticator.Register(options)), name }, token);
    }

    /// <summary>Runs a whole sign-in ceremony with <paramref name="authenticator"/>.</summary>
    public static async Task<HttpResponseMessage> PasskeySignInAsync(this ApiHarness api, SoftwareAuthenticator authenticator)
    {
        var (ceremonyId, options) = await api.BeginCeremonyAsync("/auth/passkeys/sign-in/options");
        return await api.PostAsync("/auth/passkeys/sign-in", new { ceremonyId, credential = ApiHarness.Json(authenticator.Assert(options)) });
    }
}
