using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Data.Repositories;
using Strata.Modules.Catalog.Services;
using Strata.Testing;

namespace Strata.Modules.Catalog.Tests.Services;

/// <summary>Models of a manufacturer: renaming with its audit row, paging, deletion, both providers.</summary>
public sealed class VehicleModelCatalogTests(CatalogTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Renaming_a_model_is_audited_with_the_old_and_the_new_name(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var model = await db.NewModelAsync("Skoda Test", "Favorit");

        await db.Get<IVehicleModelCatalog>().UpdateModelAsync(model.Id, "Felicia");

        var audit = db.Table("catalog", "vehicle_hierarchy_audit");
        Assert.Contains("\"name\":\"Favorit\"", await db.ScalarAsync<string>($"SELECT before FROM {audit} WHERE entity_type = 'model' AND action = 'updated'"), StringComparison.Ordinal);
        Assert.Contains("\"name\":\"Felicia\"", await db.ScalarAsync<string>($"SELECT after FROM {audit} WHERE entity_type = 'model' AND action = 'updated'"), StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task A_manufacturers_models_page_by_name_and_leave_out_other_makers(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var catalog = db.Get<IVehicleModelCatalog>();
        var polo = await db.NewModelAsync("Volkswagen Test", "Polo");
        await catalog.CreateModelAsync(polo.ManufacturerId, "Golf");
        await db.NewModelAsync("Seat Test", "Ibiza");

        var page = await catalog.ListModelsAsync(polo.ManufacturerId, new KeysetRequest(10));

        Assert.Equal(["Golf", "Polo"], page.Items.Select(m => m.Name));
    }

    [Theory, BothProviders]
    public async Task Deleting_a_model_with_live_variations_is_a_conflict(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var model = await db.NewModelAsync("Saab Test", "99");
        await db.Get<IModelVariationCatalog>().CreateVariationAsync(model.Id, new VariationInput(1968, 1984));

        var refusal = await Assert.ThrowsAsync<ConflictError>(() => db.Get<IVehicleModelCatalog>().DeleteModelAsync(model.Id));

        Assert.Equal("catalog.has_children", refusal.Code);
    }

    [Theory, BothProviders]
    public async Task A_taken_model_name_of_the_same_maker_is_a_conflict_on_name(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var model = await db.NewModelAsync("Volvo Test", "240");

        var refusal = await Assert.ThrowsAsync<ConflictError>(() => db.Get<IVehicleModelCatalog>().CreateModelAsync(model.ManufacturerId, "240"));

        Assert.Equal(("catalog.name_taken", "name"), (refusal.Code, refusal.Field));
    }
}
