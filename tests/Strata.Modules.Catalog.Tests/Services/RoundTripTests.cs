using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Seeding;
using Strata.Modules.Catalog.Services;
using Strata.Testing;
using Strata.Testing.RoundTrips;

namespace Strata.Modules.Catalog.Tests.Services;

/// <summary>Round trips of the catalog's public reads on PostgreSQL, each in a new scope as a request runs it (see <see cref="RoundTripProxy"/>).</summary>
public sealed class RoundTripTests(CatalogTestDatabases databases)
{
    [Fact]
    public async Task A_part_detail_with_tags_alternatives_and_fitments_is_one_round_trip()
    {
        await using var proxy = RoundTripProxy.StartForTestServer();
        await using var db = await databases.FreshThroughAsync(proxy);
        var part = await ArrangeBusyPartAsync(db);

        await proxy.CountAsync(async () =>
        {
            await using var scope = db.CreateScope();
            var detail = await scope.ServiceProvider.GetRequiredService<IPartCatalog>().GetPartAsync(part);
            Assert.Equal((2, 1, 1), (detail.Tags.Count, detail.Alternatives.Count, detail.CompatibleVariations.Count));
        });

        RoundTripAssert.Trips(1, proxy, "the part with its category path, tags, alternatives and fitments in one batch or query");
    }

    [Fact]
    public async Task Decoding_a_vin_to_its_model_is_one_round_trip()
    {
        await using var proxy = RoundTripProxy.StartForTestServer();
        await using var db = await databases.FreshThroughAsync(proxy);
        await db.Get<SeedRunner>().SeedAsync(new SeedOptions());

        await proxy.CountAsync(async () =>
        {
            await using var scope = db.CreateScope();
            var decoded = await scope.ServiceProvider.GetRequiredService<IVinDecoder>().DecodeAsync("1HGCM82633A004352");
            Assert.Equal("Accord", decoded.Model?.Name);
        });

        // The prefix query brings the model it names (a variation prefix adds the variation's own reads).
        RoundTripAssert.Trips(1, proxy, "the matching VIN prefixes with their manufacturer and model");
    }

    // A part under Brakes › Pads with two tags, one alternative and one fitment, so every relation has a row.
    private static async Task<Guid> ArrangeBusyPartAsync(TestDatabase db)
    {
        var parts = db.Get<IPartCatalog>();
        var pads = await parts.CreateCategoryAsync("Pads", (await parts.CreateCategoryAsync("Brakes", null)).Id);
        var maker = await db.Get<IManufacturerCatalog>().CreateManufacturerAsync(new ManufacturerInput("Bosch", "DE"));
        var part = await parts.CreatePartAsync(new PartInput(maker.Id, "BP-100", "Brake pad", pads.Id));
        var alternative = await parts.CreatePartAsync(new PartInput(maker.Id, "BP-200", "Brake pad, ceramic", pads.Id));
        await parts.AddAlternativeAsync(part.Id, alternative.Id, "interchange");
        await parts.SetTagsAsync(part.Id, ["eco", "winter"]);
        var model = await db.NewModelAsync("Honda", "Civic");
        var variation = await db.Get<IModelVariationCatalog>().CreateVariationAsync(model.Id, new VariationInput(2004, 2006));
        await parts.AddFitmentAsync(part.Id, variation.Id, pads.Id, "front axle");
        return part.Id;
    }
}
