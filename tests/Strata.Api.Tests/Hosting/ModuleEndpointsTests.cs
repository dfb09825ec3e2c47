using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Strata.AspNetCore.Modules;
using Strata.Data;
using Strata.Modules.Auth;
using Strata.Modules.Catalog;

namespace Strata.Api.Tests.Hosting;

/// <summary>A host maps the routes of the modules it composes, and only those: it never lists a module's routes itself.</summary>
public sealed class ModuleEndpointsTests
{
    [Fact]
    public async Task A_host_composing_only_auth_maps_the_auth_routes()
    {
        var patterns = await RoutePatternsAsync(strata => strata.AddModule<AuthModule>());

        Assert.Contains("/auth/sign-in", patterns);
        Assert.Contains("/admin/roles", patterns);
    }

    [Fact]
    public async Task A_module_left_out_of_the_composition_has_no_routes()
    {
        var patterns = await RoutePatternsAsync(strata => strata.AddModule<AuthModule>());

        Assert.DoesNotContain(patterns, p => p.StartsWith("/catalog", StringComparison.Ordinal) || p.StartsWith("/workspaces", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Adding_a_module_adds_its_routes()
    {
        var patterns = await RoutePatternsAsync(strata => strata.AddModule<AuthModule>().AddModule<CatalogModule>());

        Assert.Contains("/catalog/manufacturers", patterns);
    }

    private static async Task<List<string>> RoutePatternsAsync(Action<StrataBuilder> modules)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Services.AddStrata(builder.Configuration, modules);
        await using var app = builder.Build();
        app.MapStrataModules();
        return [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Select(endpoint => "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))];
    }
}
