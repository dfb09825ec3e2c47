using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Seeding;
using Strata.Modules.Catalog;
using Strata.Modules.Catalog.Services;

namespace Strata.Benchmarks;

/// <summary>
/// The catalog's public reads on PostgreSQL, each in a new scope as a request runs it: decoding a VIN against the seeded
/// WMI data, a part's detail (head, category path, tags, alternatives, fitments — however many commands the catalog
/// sends for it) for a part with 10 alternatives, 10 tags and 5 fitments, and the batch lookup of 100 parts (12 in the smoke run).
/// </summary>
[MemoryDiagnoser]
public class CatalogReadBenchmarks
{
    private Parts _parts = null!;

    [GlobalSetup]
    public async Task SetupAsync() => _parts = await SharedSetup<Parts>.GetAsync(Parts.CreateAsync);

    [Benchmark]
    public async Task<int?> DecodeVin()
    {
        await using var scope = _parts.Database.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IVinDecoder>().DecodeAsync("1HGCM82633A004352")).ModelYear;
    }

    [Benchmark]
    public async Task<int> PartDetail()
    {
        await using var scope = _parts.Database.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IPartCatalog>().GetPartAsync(_parts.Detailed)).Alternatives.Count;
    }

    [Benchmark]
    public async Task<int> LookupHundredParts()
    {
        await using var scope = _parts.Database.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ICatalogLookup>().GetPartsAsync(_parts.All)).Count;
    }

    /// <summary>The seeded catalog with 100 parts; <see cref="Detailed"/> has the alternatives, tags and fitments.</summary>
    private sealed record Parts(BenchDatabase Database, Guid Detailed, Guid[] All)
    {
        public static async Task<Parts> CreateAsync()
        {
            var database = await BenchDatabase.PostgresAsync("strata_bench_catalog", s => s.AddModule<CatalogModule>());
            await using var scope = database.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SeedRunner>().SeedAsync(new SeedOptions());
            var manufacturers = scope.ServiceProvider.GetRequiredService<IManufacturerCatalog>();
            var models = scope.ServiceProvider.GetRequiredService<IVehicleModelCatalog>();
            var variations = scope.ServiceProvider.GetRequiredService<IModelVariationCatalog>();
            var parts = scope.ServiceProvider.GetRequiredService<IPartCatalog>();
            var maker = await manufacturers.CreateManufacturerAsync(new ManufacturerInput("Bench Parts", "DE"));
            var category = await parts.CreateCategoryAsync("Pads", (await parts.CreateCategoryAsync("Brakes", null)).Id);
            var model = await models.CreateModelAsync(maker.Id, "Bench");
            var ids = new Guid[BenchRun.Rows(100)];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = (await parts.CreatePartAsync(new PartInput(maker.Id, $"BP-{i:000}", $"Pad {i}", category.Id))).Id;
            }

            for (var i = 1; i <= 10; i++)
            {
                await parts.AddAlternativeAsync(ids[0], ids[i], "interchange");
            }

            await parts.SetTagsAsync(ids[0], [.. Enumerable.Range(0, 10).Select(i => $"tag {i}")]);
            for (var year = 2000; year < 2005; year++)
            {
                var variation = await variations.CreateVariationAsync(model.Id, new VariationInput(year, year));
                await parts.AddFitmentAsync(ids[0], variation.Id, category.Id, "front");
            }

            return new Parts(database, ids[0], ids);
        }
    }
}
