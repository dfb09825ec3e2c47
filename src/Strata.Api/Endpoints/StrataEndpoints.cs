namespace Strata.Api.Endpoints;

/// <summary>Maps every route of the API: one <c>Map…Endpoints()</c> call per module.</summary>
internal static class StrataEndpoints
{
    public static WebApplication MapStrataEndpoints(this WebApplication app)
    {
        app.MapOperationsEndpoints();
        app.MapAuthEndpoints();
        app.MapAdminEndpoints();
        app.MapWorkspaceEndpoints();
        app.MapCatalogEndpoints();
        return app;
    }
}
