using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data;
using Strata.Data.Migrations;
using Strata.Data.Seeding;
using Strata.Modules.Catalog;
using Strata.Modules.Catalog.Services;

namespace Strata.Benchmarks;

/// <summary>
/// The catalog's public reads on PostgreSQL, each in a new scope as a request runs it: decoding a VIN against the seeded
/// WMI data, a part's detail (five commands: head, category path, tags, alternatives, fitments) for a part with 10
/// alternatives, 10 tags and 5 fitments, and the batch lookup of 100 parts. Needs a server: <c>STRATA_BENCH_POSTGRES</c>
/// (see <see cref="BenchDatabase"/>).
/// </summary>
[MemoryDiagnoser]
public class CatalogReadBenchmarks
{
    private const string Database = "strata_bench_catalog";
    private ServiceProvider _services = null!;
    private Guid _part;
    private Guid[] _parts = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var owner = await BenchDatabase.RecreateAsync(Database);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Strata:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Strata"] = owner,
        }).Build();
        _services = new ServiceCollection().AddStrata(configuration, s => s.AddModule<CatalogModule>()).BuildServiceProvider();
        await _services.GetRequiredService<StrataMigrator>().MigrateAsync();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeedRunner>().SeedAsync(new SeedOptions());
        var manufacturers = scope.ServiceProvider.GetRequiredService<IManufacturerCatalog>();
        var models = scope.ServiceProvider.GetRequiredService<IVehicleModelCatalog>();
        var variations = scope.ServiceProvider.GetRequiredService<IModelVariationCatalog>();
        var parts = scope.ServiceProvider.GetRequiredService<IPartCatalog>();
        var maker = await manufacturers.CreateManufacturerAsync(new ManufacturerInput("Bench Parts", "DE"));
        var category = await parts.CreateCategoryAsync("Pads", (await parts.CreateCategoryAsync("Brakes", null)).Id);
        var model = await models.CreateModelAsync(maker.Id, "Bench");
        var ids = new List<Guid>();
        for (var i = 0; i < 100; i++)
        {
            ids.Add((await parts.CreatePartAsync(new PartInput(maker.Id, $"BP-{i:000}", $"Pad {i}", category.Id))).Id);
        }

        _part = ids[0];
        for (var i = 1; i <= 10; i++)
        {
            await parts.AddAlternativeAsync(_part, ids[i], "interchange");
        }

        await parts.SetTagsAsync(_part, [.. Enumerable.Range(0, 10).Select(i => $"tag {i}")]);
        for (var year = 2000; year < 2005; year++)
        {
            var variation = await variations.CreateVariationAsync(model.Id, new VariationInput(year, year));
            await parts.AddFitmentAsync(_part, variation.Id, category.Id, "front");
        }

        _parts = [.. ids];
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _services.DisposeAsync().AsTask();

    [Benchmark]
    public async Task<int?> DecodeVin()
    {
        await using var scope = _services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IVinDecoder>().DecodeAsync("1HGCM82633A004352")).ModelYear;
    }

    [Benchmark]
    public async Task<int> PartDetail()
    {
        await using var scope = _services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IPartCatalog>().GetPartAsync(_part)).Alternatives.Count;
    }

    [Benchmark]
    public async Task<int> LookupHundredParts()
    {
        await using var scope = _services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ICatalogLookup>().GetPartsAsync(_parts)).Count;
    }
}
