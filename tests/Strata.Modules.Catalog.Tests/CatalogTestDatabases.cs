using Microsoft.Extensions.DependencyInjection;
using Strata.Data;
using Strata.Data.Seeding;
using Strata.Data.Sessions;
using Strata.Modules.Catalog.Services;
using Strata.Testing;

[assembly: AssemblyFixture(typeof(Strata.Modules.Catalog.Tests.CatalogTestDatabases))]

namespace Strata.Modules.Catalog.Tests;

/// <summary>Test databases with the catalog module.</summary>
public sealed class CatalogTestDatabases : StrataTestDatabases
{
    protected override void AddModules(StrataBuilder strata) => strata.AddModule<CatalogModule>();
}

/// <summary>Arrange steps for catalog tests.</summary>
internal static class CatalogSteps
{
    /// <summary>A fresh database with the reference data (WMI prefixes, body styles, the 2003–2007 Accord).</summary>
    public static async Task<TestDatabase> SeededAsync(this CatalogTestDatabases databases, Data.Configuration.DatabaseProvider provider)
    {
        var db = await databases.FreshAsync(provider);
        await db.Get<SeedRunner>().SeedAsync(new SeedOptions());
        return db;
    }

    /// <summary>Runs <paramref name="work"/> in a new scope acting for <paramref name="user"/> (null: no user, as the CLI).</summary>
    public static async Task<T> AsAsync<T>(this TestDatabase db, Guid? user, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = db.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(user);
        return await work(scope.ServiceProvider);
    }

    /// <summary>A new manufacturer named <paramref name="manufacturer"/> with one model, <paramref name="model"/>.</summary>
    public static async Task<VehicleModelDto> NewModelAsync(this TestDatabase db, string manufacturer, string model)
    {
        var maker = await db.Get<IManufacturerCatalog>().CreateManufacturerAsync(new ManufacturerInput(manufacturer));
        return await db.Get<IVehicleModelCatalog>().CreateModelAsync(maker.Id, model);
    }
}
