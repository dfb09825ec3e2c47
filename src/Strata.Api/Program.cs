using Strata.Api.Hosting;
using Strata.Composition;

var builder = WebApplication.CreateBuilder(args);

// Every module of the system, named once in src/Shared/StrataModules.cs (the CLI composes the same list); each module's
// one registration brings its services, its routes and its commands.
builder.AddStrataApi(StrataModules.All);

var app = builder.Build();
await app.UseStrataApiAsync();

app.Run();

/// <summary>The API host; public so integration tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
