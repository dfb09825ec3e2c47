using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Strata.Data.Configuration;
using Strata.Data.Seeding;
using Strata.Modules.Auth.Services;
using Strata.Testing;
using Strata.Testing.Passkeys;

namespace Strata.Api.Tests;

/// <summary>
/// An API over a fresh, seeded database with a controllable clock and a mailbox that keeps what was sent, plus
/// helpers to sign users up and act as them.
/// </summary>
internal sealed class AuthHarness : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";

    private readonly TestDatabase _db;
    private readonly List<SoftwareAuthenticator> _authenticators = [];

    private AuthHarness(TestDatabase db, TestApi api, FakeTimeProvider clock, CapturingMailSender mail)
    {
        _db = db;
        Api = api;
        Clock = clock;
        Mail = mail;
    }

    public TestApi Api { get; }

    public FakeTimeProvider Clock { get; }

    public CapturingMailSender Mail { get; }

    public TestDatabase Database => _db;

    public HttpClient Client => Api.Client;

    public static async Task<AuthHarness> StartAsync(
        ApiTestDatabases databases, DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null, bool captureMail = true)
    {
        var db = await databases.FreshAsync(provider);
        var serving = await databases.ServingSettingsAsync(db);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            serving[key] = value;
        }

        await using (var owner = databases.ServicesFor(db, serving))
        {
            await owner.GetRequiredService<SeedRunner>().SeedAsync(new SeedOptions());
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var mail = new CapturingMailSender();
        var api = await TestApi.StartAsync(serving, services: services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            if (captureMail)
            {
                services.AddSingleton(mail);
                services.AddScoped<IMailSender>(sp => sp.GetRequiredService<CapturingMailSender>());
            }
        });
        return new AuthHarness(db, api, clock, mail);
    }

    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";

    public Task<HttpResponseMessage> PostAsync(string path, object body, string? token = null) => SendAsync(HttpMethod.Post, path, body, token);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Signs up a new user; returns its id, email and session token.</summary>
    public async Task<(Guid Id, string Email, string Token)> SignUpAsync(string? email = null)
    {
        email ??= NewEmail();
        var response = await PostAsync("/auth/sign-up", new { email, password = Password, name = "Test User" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("user").GetProperty("id").GetGuid(), email, body.GetProperty("session").GetProperty("token").GetString()!);
    }

    /// <summary>Signs up a user and grants them the seeded admin role.</summary>
    public async Task<(Guid Id, string Token)> AdminAsync()
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<IUserAdministration>().CreateAdministratorAsync(NewEmail(), Password, "Admin");
        var email = admin.Email;
        var response = await PostAsync("/auth/sign-in", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (admin.Id, body.GetProperty("session").GetProperty("token").GetString()!);
    }

    /// <summary>An authenticator on the one origin the test API accepts, disposed with the harness.</summary>
    public SoftwareAuthenticator NewAuthenticator()
    {
        var authenticator = new SoftwareAuthenticator(ApiTestDatabases.PasskeyOrigin);
        _authenticators.Add(authenticator);
        return authenticator;
    }

    /// <summary>Signs up a new user and registers a passkey for them.</summary>
    public async Task<(Guid Id, string Token, SoftwareAuthenticator Authenticator)> SignUpWithPasskeyAsync()
    {
        var (id, _, token) = await SignUpAsync();
        var authenticator = NewAuthenticator();
        (await RegisterPasskeyAsync(token, authenticator)).EnsureSuccessStatusCode();
        return (id, token, authenticator);
    }

    /// <summary>Starts a ceremony (<c>…/options</c>); returns its id and its WebAuthn options.</summary>
    public async Task<(string CeremonyId, JsonElement Options)> BeginCeremonyAsync(string path, string? token = null)
    {
        var response = await SendAsync(HttpMethod.Post, path, token: token);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("ceremonyId").GetString()!, body.GetProperty("options"));
    }

    /// <summary>Runs a whole registration ceremony for the signed-in <paramref name="token"/> with <paramref name="authenticator"/>.</summary>
    public async Task<HttpResponseMessage> RegisterPasskeyAsync(string token, SoftwareAuthenticator authenticator, string? name = null)
    {
        var (ceremonyId, options) = await BeginCeremonyAsync("/auth/passkeys/register/options", token);
        return await PostAsync("/auth/passkeys/register", new { ceremonyId, credential = Json(authenticator.Register(options)), name }, token);
    }

    /// <summary>Runs a whole sign-in ceremony with <paramref name="authenticator"/>.</summary>
    public async Task<HttpResponseMessage> PasskeySignInAsync(SoftwareAuthenticator authenticator)
    {
        var (ceremonyId, options) = await BeginCeremonyAsync("/auth/passkeys/sign-in/options");
        return await PostAsync("/auth/passkeys/sign-in", new { ceremonyId, credential = Json(authenticator.Assert(options)) });
    }

    /// <summary>A credential JSON string as a JSON value of a request body.</summary>
    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    /// <summary>How <paramref name="id"/> reads in SQL: SQLite stores GUIDs as upper-case text.</summary>
    public static string Id(DatabaseProvider provider, Guid id) => provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id.ToString();

    /// <summary>Every value of the auth tables that can hold a secret, as one string.</summary>
    public async Task<string> DumpAuthTablesAsync()
    {
        var connection = _db.Session.Connection;
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        var dump = new System.Text.StringBuilder();
        foreach (var table in new[] { "users", "sessions", "accounts", "verifications", "passkeys", "audit_log", "mail_outbox" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {_db.Table("auth", table)}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append(reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }
            }
        }

        return dump.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _authenticators.ForEach(a => a.Dispose());
        await Api.DisposeAsync();
        await _db.DisposeAsync();
    }
}
