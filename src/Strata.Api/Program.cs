using Strata.Api.Endpoints;
using Strata.Api.Hosting;
using Strata.Data;
using Strata.Modules.Auth;
using Strata.Modules.Workspaces;

var builder = WebApplication.CreateBuilder(args);
builder.AddStrataApi();

// Every module of the system, named explicitly.
builder.Services.AddStrata(builder.Configuration, strata => strata.AddModule<AuthModule>().AddModule<WorkspacesModule>());

var app = builder.Build();
app.UseStrataApi();
await app.PrepareDatabaseAsync();
app.MapStrataEndpoints();

app.Run();

/// <summary>The API host; public so integration tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
