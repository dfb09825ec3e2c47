using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Strata.Data.Configuration;
using Strata.Data.Seeding;
using Strata.Modules.Auth.Services;
using Strata.Testing;

namespace Strata.Api.Tests;

/// <summary>
/// The API over a fresh, seeded database with a controllable clock and a mailbox that keeps what was sent, and a
/// client that calls it as anyone. Steps per area extend it: <see cref="AuthSteps"/>, <see cref="PasskeySteps"/>,
/// <see cref="WorkspaceSteps"/>.
/// </summary>
internal sealed class ApiHarness : IAsyncDisposable
{
    private readonly List<IDisposable> _owned = [];

    private ApiHarness(TestDatabase db, TestApi api, FakeTimeProvider clock, CapturingMailSender mail)
    {
        Database = db;
        Api = api;
        Clock = clock;
        Mail = mail;
    }

    public TestApi Api { get; }

    public FakeTimeProvider Clock { get; }

    public CapturingMailSender Mail { get; }

    public TestDatabase Database { get; }

    public HttpClient Client => Api.Client;

    public static async Task<ApiHarness> StartAsync(
        ApiTestDatabases databases, DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null, bool captureMail = true)
    {
        var db = await databases.FreshAsync(provider);
        var serving = StrataTestSettings.Merge(await databases.GrantedServingSettingsAsync(db), settings);
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
        return new ApiHarness(db, api, clock, mail);
    }

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

    /// <summary>Keeps <paramref name="disposable"/> until the harness is disposed.</summary>
    public T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    /// <summary>A JSON string as a JSON value of a request body.</summary>
    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    public async ValueTask DisposeAsync()
    {
        _owned.ForEach(d => d.Dispose());
        await Api.DisposeAsync();
        await Database.DisposeAsync();
    }
}
