using Npgsql;
using Strata.Load.Baseline;

// The fastest honest hand-written equivalent of three Strata routes, for the ratios of bench/load/run.sh: a bare
// minimal API for /health/live, and one pooled NpgsqlDataSource with hand-written SQL for the two database routes.
// It reads the same connection string as Strata (ConnectionStrings:Strata, the application role strata_app).
var builder = WebApplication.CreateBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("Strata")
    ?? throw new InvalidOperationException("Set ConnectionStrings:Strata (ConnectionStrings__Strata) to the application role's connection.");
builder.Services.AddSingleton(NpgsqlDataSource.Create(connectionString));

var app = builder.Build();
app.MapGet("/health/live", () => TypedResults.Ok(new HealthStatus("live")));
app.MapPartDetail();
app.MapWorkspaceRead();
app.Run();

/// <summary>The liveness answer, shaped like Strata's.</summary>
/// <param name="Status">Always <c>live</c>.</param>
internal sealed record HealthStatus(string Status);
