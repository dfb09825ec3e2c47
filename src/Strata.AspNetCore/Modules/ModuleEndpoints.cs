using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Modules;

namespace Strata.AspNetCore.Modules;

/// <summary>Maps the routes of the composed modules.</summary>
public static class ModuleEndpoints
{
    /// <summary>
    /// Maps the routes of every module composed with <c>AddStrata</c> that answers HTTP (<see cref="IEndpointModule"/>),
    /// in dependency order; modules without routes are skipped.
    /// </summary>
    public static IEndpointRouteBuilder MapStrataModules(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        foreach (var module in routes.ServiceProvider.GetRequiredService<ModuleRegistry>().Modules.OfType<IEndpointModule>())
        {
            module.MapEndpoints(routes);
        }

        return routes;
    }
}
