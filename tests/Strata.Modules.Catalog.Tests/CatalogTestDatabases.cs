using Strata.Data;
using Strata.Modules.Catalog.Services;
using Strata.Testing;

[assembly: AssemblyFixture(typeof(Strata.Modules.Catalog.Tests.CatalogTestDatabases))]

namespace Strata.Modules.Catalog.Tests;

/// <summary>Test databases with the catalog module.</summary>
public sealed class CatalogTestDatabases : StrataTestDatabases
{
    protected override void AddModules(StrataBuilder strata) => strata.AddModule<CatalogModule>();
}

/// <summary>Arrange steps for catalog tests (the shared ones are in Strata.Testing).</summary>
internal static class CatalogSteps
{
    /// <summary>A new manufacturer named <paramref name="manufacturer"/> with one model, <paramref name="model"/>.</summary>
    public static async Task<VehicleModelDto> NewModelAsync(this TestDatabase db, string manufacturer, string model)
    {
        var maker = await db.Get<IManufacturerCatalog>().CreateManufacturerAsync(new ManufacturerInput(manufacturer));
        return await db.Get<IVehicleModelCatalog>().CreateModelAsync(maker.Id, model);
    }
}
