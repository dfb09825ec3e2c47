using Strata.Api.Endpoints;
using Strata.Api.Hosting;
using Strata.Composition;
using Strata.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddStrataApi();

// Every module of the system, named explicitly in src/Shared/StrataModules.cs (the CLI compiles the same list).
builder.Services.AddStrata(builder.Configuration, StrataModules.All);

var app = builder.Build();
app.UseStrataApi();
await app.PrepareDatabaseAsync();
app.MapStrataEndpoints();

app.Run();

/// <summary>The API host; public so integration tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
