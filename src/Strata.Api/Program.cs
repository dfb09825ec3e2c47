using Strata.Api;
using Strata.Api.Endpoints;
using Strata.Api.Errors;
using Strata.Data;

var builder = WebApplication.CreateBuilder(args);

// Every module of the system, named explicitly. Business modules join here as they land.
builder.Services.AddStrata(builder.Configuration, strata => { });
builder.Services.AddStrataProblemDetails();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
await app.PrepareDatabaseAsync();
app.MapStrataEndpoints();

app.Run();

/// <summary>The API host; public so integration tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
