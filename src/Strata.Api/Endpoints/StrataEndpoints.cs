using Strata.Api.Validation;

namespace Strata.Api.Endpoints;

/// <summary>Maps every route of the API: one <c>Map…Endpoints()</c> call per module.</summary>
internal static class StrataEndpoints
{
    public static WebApplication MapStrataEndpoints(this WebApplication app)
    {
        // Every route's text input meets one rule, checked once here rather than in each module's validators.
        var routes = app.MapGroup(string.Empty).WithTextInspection();
        routes.MapOperationsEndpoints();
        routes.MapAuthEndpoints();
        routes.MapAdminEndpoints();
        routes.MapWorkspaceEndpoints();
        routes.MapCatalogEndpoints();
        return app;
    }
}
