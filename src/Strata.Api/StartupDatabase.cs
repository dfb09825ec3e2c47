using Microsoft.Extensions.Options;
using Strata.Data.Configuration;
using Strata.Data.Migrations;
using Strata.Data.Seeding;

namespace Strata.Api;

/// <summary>Brings the database up to date when the host starts, if configured to.</summary>
internal static class StartupDatabase
{
    /// <summary>
    /// Migrates and seeds reference data when <c>Strata:Database:MigrateOnStartup</c> is true — by default in
    /// Development only: production migrates as a deliberate step (<c>strata db migrate</c>), never as a side effect.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<StrataDatabaseOptions>>().Value;
        if (!(options.MigrateOnStartup ?? app.Environment.IsDevelopment()))
        {
            return;
        }

        await app.Services.GetRequiredService<StrataMigrator>().MigrateAsync(cancellationToken: app.Lifetime.ApplicationStopping);
        await app.Services.GetRequiredService<SeedRunner>().SeedAsync(new SeedOptions(), cancellationToken: app.Lifetime.ApplicationStopping);
    }
}
