using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Data.Repositories;
using Strata.Modules.Catalog.Services;
using Strata.Testing;

namespace Strata.Modules.Catalog.Tests.Services;

/// <summary>Variations: years, trim and engine, body styles and categories from the reference data, both providers.</summary>
public sealed class ModelVariationCatalogTests(CatalogTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Variation_years_and_body_styles_are_checked(DatabaseProvider provider)
    {
        await using var db = await databases.SeededAsync(provider);
        var catalog = db.Get<IModelVariationCatalog>();
        var model = await db.NewModelAsync("Trabant", "601");

        var years = await Assert.ThrowsAsync<ValidationError>(() => catalog.CreateVariationAsync(model.Id, new VariationInput(1990, 1964)));
        var style = await Assert.ThrowsAsync<ValidationError>(() => catalog.CreateVariationAsync(model.Id, new VariationInput(1964, 1990, BodyStyle: "Hovercraft")));
        var saved = await catalog.CreateVariationAsync(model.Id, new VariationInput(1964, 1990, "Universal", "P63", "estate"));

        Assert.Equal(("catalog.invalid_years", "catalog.unknown_body_style"), (years.Code, style.Code));
        Assert.Equal("Estate", saved.BodyStyle);
    }

    [Theory, BothProviders]
    public async Task Variation_categories_come_from_the_reference_data(DatabaseProvider provider)
    {
        await using var db = await databases.SeededAsync(provider);
        var catalog = db.Get<IModelVariationCatalog>();
        var model = await db.NewModelAsync("Toyota Test", "Prius");

        var variation = await catalog.CreateVariationAsync(model.Id, new VariationInput(2016, 2022, Categories: ["hybrid", "Passenger car"]));
        var unknown = await Assert.ThrowsAsync<ValidationError>(() => catalog.CreateVariationAsync(model.Id, new VariationInput(2023, Categories: ["Spaceship"])));
        var listed = await catalog.ListVariationsAsync(model.Id, new KeysetRequest(10));

        Assert.Equal(["Hybrid", "Passenger car"], variation.Categories);
        Assert.Equal("catalog.unknown_variation_category", unknown.Code);
        Assert.Equal(["Hybrid", "Passenger car"], Assert.Single(listed.Items).Categories);
    }

    [Theory, BothProviders]
    public async Task Updating_a_variation_without_categories_keeps_the_ones_it_has(DatabaseProvider provider)
    {
        await using var db = await databases.SeededAsync(provider);
        var catalog = db.Get<IModelVariationCatalog>();
        var model = await db.NewModelAsync("Honda Test", "Insight");
        var variation = await catalog.CreateVariationAsync(model.Id, new VariationInput(1999, 2006, Categories: ["Hybrid"]));

        var updated = await catalog.UpdateVariationAsync(variation.Id, new VariationInput(1999, 2006, Trim: "G1"));

        Assert.Equal("G1", updated.Trim);
        Assert.Equal(["Hybrid"], updated.Categories);
    }

    [Theory, BothProviders]
    public async Task Years_outside_the_catalog_or_out_of_order_are_refused_on_their_field(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var catalog = db.Get<IModelVariationCatalog>();
        var model = await db.NewModelAsync("Wartburg", "353");

        var tooEarly = await Assert.ThrowsAsync<ValidationError>(() => catalog.CreateVariationAsync(model.Id, new VariationInput(CatalogLimits.FirstModelYear - 1)));
        var tooLate = await Assert.ThrowsAsync<ValidationError>(() => catalog.CreateVariationAsync(model.Id, new VariationInput(2000, CatalogLimits.LastModelYear + 1)));
        var reversed = await Assert.ThrowsAsync<ValidationError>(() => catalog.CreateVariationAsync(model.Id, new VariationInput(2000, 1999)));

        Assert.Equal([("catalog.invalid_years", "yearFrom"), ("catalog.invalid_years", "yearTo"), ("catalog.invalid_years", "yearTo")],
            [(tooEarly.Code, FieldOf(tooEarly)), (tooLate.Code, FieldOf(tooLate)), (reversed.Code, FieldOf(reversed))]);
    }

    [Theory, BothProviders]
    public async Task A_trim_or_engine_over_the_limit_is_refused_on_its_field(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var catalog = db.Get<IModelVariationCatalog>();
        var model = await db.NewModelAsync("Barkas", "B 1000");
        var overlong = new string('x', CatalogLimits.VariationDetailMaxLength + 1);

        var trim = await Assert.ThrowsAsync<ValidationError>(() => catalog.CreateVariationAsync(model.Id, new VariationInput(1961, Trim: overlong)));
        var engine = await Assert.ThrowsAsync<ValidationError>(() => catalog.CreateVariationAsync(model.Id, new VariationInput(1961, Engine: overlong)));

        Assert.Equal([("catalog.invalid_variation", "trim"), ("catalog.invalid_variation", "engine")], [(trim.Code, FieldOf(trim)), (engine.Code, FieldOf(engine))]);
    }

    private static string FieldOf(ValidationError refusal) => Assert.Single(refusal.Errors.Keys);
}
