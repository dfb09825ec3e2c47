using Strata.Api.Validation;
using Strata.AspNetCore.Modules;

namespace Strata.Api.Endpoints;

/// <summary>Maps the host's own routes (health, metrics, docs) and the routes of every composed module.</summary>
internal static class StrataEndpoints
{
    public static WebApplication MapStrataEndpoints(this WebApplication app)
    {
        // Every route's text input meets one rule, checked once here rather than in each module's validators.
        var routes = app.MapGroup(string.Empty).WithTextInspection();
        routes.MapOperationsEndpoints();
        routes.MapProblemEndpoints();
        routes.MapStrataModules();
        return app;
    }
}
