using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Modules.Catalog.Services;
using Strata.Testing;

namespace Strata.Modules.Catalog.Tests.Services;

/// <summary>Adding and removing VIN prefixes against the seeded reference data, both providers.</summary>
public sealed class VinPrefixCatalogTests(CatalogTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Vin_prefixes_must_be_vin_characters_and_agree_with_the_hierarchy(DatabaseProvider provider)
    {
        await using var db = await databases.SeededAsync(provider);
        var catalog = db.Get<IVinPrefixCatalog>();
        var honda = await ManufacturerIdAsync(db, "honda");
        var focus = await db.Get<IVehicleModelCatalog>().CreateModelAsync(await ManufacturerIdAsync(db, "ford"), "Focus");

        var letters = await Assert.ThrowsAsync<ValidationError>(() => catalog.AddVinPrefixAsync(new VinPrefixInput("1HO", honda)));
        var mismatch = await Assert.ThrowsAsync<ValidationError>(() => catalog.AddVinPrefixAsync(new VinPrefixInput("1HGXX", honda, focus.Id)));
        var duplicate = await Assert.ThrowsAsync<ConflictError>(() => catalog.AddVinPrefixAsync(new VinPrefixInput("1HG", honda)));

        Assert.Equal(("catalog.invalid_vin_prefix", "catalog.hierarchy_mismatch", "catalog.vin_prefix_exists"), (letters.Code, mismatch.Code, duplicate.Code));
    }

    [Theory, BothProviders]
    public async Task Vin_prefix_years_before_the_17_character_vin_or_out_of_order_are_refused(DatabaseProvider provider)
    {
        await using var db = await databases.SeededAsync(provider);
        var catalog = db.Get<IVinPrefixCatalog>();
        var honda = await ManufacturerIdAsync(db, "honda");

        var early = await Assert.ThrowsAsync<ValidationError>(() => catalog.AddVinPrefixAsync(new VinPrefixInput("1HGZZ", honda, YearFrom: CatalogLimits.FirstVinModelYear - 1)));
        var reversed = await Assert.ThrowsAsync<ValidationError>(() => catalog.AddVinPrefixAsync(new VinPrefixInput("1HGZZ", honda, YearFrom: 2005, YearTo: 2004)));

        Assert.Equal(("catalog.invalid_years", "catalog.invalid_years"), (early.Code, reversed.Code));
    }

    [Theory, BothProviders]
    public async Task A_prefix_is_stored_upper_case_and_trimmed_and_can_be_removed(DatabaseProvider provider)
    {
        await using var db = await databases.SeededAsync(provider);
        var catalog = db.Get<IVinPrefixCatalog>();

        var added = await catalog.AddVinPrefixAsync(new VinPrefixInput(" 1hgzz ", await ManufacturerIdAsync(db, "honda")));
        await catalog.DeleteVinPrefixAsync(added.Id);
        var gone = await Assert.ThrowsAsync<NotFoundError>(() => catalog.DeleteVinPrefixAsync(added.Id));

        Assert.Equal(("1HGZZ", "vin_prefix.not_found"), (added.Prefix, gone.Code));
    }

    private static async Task<Guid> ManufacturerIdAsync(TestDatabase db, string name) =>
        (await db.Get<IManufacturerCatalog>().ListManufacturersAsync(new(1), name)).Items[0].Id;
}
