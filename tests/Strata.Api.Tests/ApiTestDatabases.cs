using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Strata.Data;
using Strata.Data.Configuration;
using Strata.Data.Migrations;
using Strata.Modules.Auth;
using Strata.TestModules.Gadgets;
using Strata.TestModules.Widgets;
using Strata.Testing;

[assembly: AssemblyFixture(typeof(Strata.Api.Tests.ApiTestDatabases))]

namespace Strata.Api.Tests;

/// <summary>Test databases composed with the test modules, and the settings an API serves them with.</summary>
public sealed class ApiTestDatabases : StrataTestDatabases
{
    public static void Modules(StrataBuilder strata) => strata.AddModule<AuthModule>().AddModule<WidgetsModule>().AddModule<GadgetsModule>();

    /// <summary>
    /// Connection settings for serving <paramref name="db"/> the way production does: on PostgreSQL the application
    /// role (granted by a migration run as the owner), which the API insists on; on SQLite the file.
    /// </summary>
    public async Task<Dictionary<string, string?>> ServingSettingsAsync(TestDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var settings = new Dictionary<string, string?>
        {
            ["Strata:Database:Provider"] = db.Provider.ToString(),
            ["ConnectionStrings:Strata"] = db.ConnectionString,
            // Cheap hashes keep the suite fast; production runs the 220,000-iteration default.
            ["Strata:Auth:PasswordIterations"] = "1000",
            ["Strata:Api:AuthPermitLimit"] = "10000",
        };
        if (db.Provider == DatabaseProvider.Postgres)
        {
            settings["ConnectionStrings:Strata"] = TestEnvironment.PostgresApplication(new NpgsqlConnectionStringBuilder(db.ConnectionString).Database!);
            settings["ConnectionStrings:StrataMigrations"] = db.ConnectionString;
            await using var owner = ServicesFor(db, settings);
            await owner.GetRequiredService<StrataMigrator>().MigrateAsync();
        }

        return settings;
    }

    /// <summary>Serving settings for a database left as it is (on PostgreSQL, the application role on an unmigrated database).</summary>
    public static Dictionary<string, string?> ServingSettingsWithoutMigrating(TestDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new Dictionary<string, string?>
        {
            ["Strata:Database:Provider"] = db.Provider.ToString(),
            ["ConnectionStrings:Strata"] = db.Provider == DatabaseProvider.Postgres
                ? TestEnvironment.PostgresApplication(new NpgsqlConnectionStringBuilder(db.ConnectionString).Database!)
                : db.ConnectionString,
        };
    }

    protected override void AddModules(StrataBuilder strata) => Modules(strata);
}
