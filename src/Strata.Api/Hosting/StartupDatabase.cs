using Microsoft.Extensions.Options;
using Strata.Data.Configuration;
using Strata.Data.Diagnostics;
using Strata.Data.Migrations;
using Strata.Data.Seeding;

namespace Strata.Api.Hosting;

/// <summary>Brings the database up to date when the host starts, if configured to, and checks the serving role.</summary>
internal static class StartupDatabase
{
    /// <summary>
    /// Migrates and seeds reference data when <c>Strata:Database:MigrateOnStartup</c> is true — by default in
    /// Development only: production migrates as a deliberate step (<c>strata db migrate</c>), never as a side effect.
    /// Then refuses to start if the application connection's role owns Strata tables (PostgreSQL).
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        var options = app.Services.GetRequiredService<IOptions<StrataDatabaseOptions>>().Value;
        if (options.MigrateOnStartup ?? app.Environment.IsDevelopment())
        {
            await app.Services.GetRequiredService<StrataMigrator>().MigrateAsync(cancellationToken: stopping);
            await app.Services.GetRequiredService<SeedRunner>().SeedAsync(new SeedOptions(), cancellationToken: stopping);
        }

        await app.Services.GetRequiredService<ApplicationRoleGuard>().EnsureApplicationRoleOwnsNothingAsync(stopping);
    }
}
