using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Strata.Api.Hosting;
using Strata.Api.Tests.OpenApi;

namespace Strata.Api.Tests;

/// <summary>
/// The API composed exactly as Program.cs composes it, with the test modules, served by Kestrel on a loopback port
/// (so body limits and the real HTTP pipeline apply), plus any test-only routes. Its client checks every answer against
/// the API's OpenAPI document (<see cref="OpenApiResponseValidator"/>).
/// </summary>
internal sealed class TestApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestApi(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestApi> StartAsync(
        IReadOnlyDictionary<string, string?> settings, Action<WebApplication>? routes = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(ApiTestDatabases.HostSettings);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddStrataApi(ApiTestDatabases.Modules);
        services?.Invoke(builder.Services);

        var app = builder.Build();
        await app.UseStrataApiAsync();
        routes?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var validator = new OpenApiResponseValidator(cancellationToken => OpenApiResponseValidator.DocumentOfAsync(app.Services, cancellationToken))
        {
            InnerHandler = new SocketsHttpHandler(),
        };
        return new TestApi(app, new HttpClient(validator) { BaseAddress = new Uri(address) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
