using Strata.Data.Configuration;
using Strata.Data.Seeding;
using Strata.Testing;

namespace Strata.Modules.Catalog.Tests.Seed;

/// <summary><c>strata db seed --demo</c>'s catalog: the same rows for the same seed on both providers, and nothing new the second time.</summary>
public sealed class CatalogDemoSeederTests(CatalogTestDatabases databases)
{
    private static readonly SeedOptions Demo = new(IncludeDemo: true, Seed: 7, Size: 300);

    [Fact]
    public async Task Demo_seed_gives_identical_rows_on_both_providers_and_in_two_runs()
    {
        TestEnvironment.RequirePostgres();
        await using var sqlite = await databases.FreshAsync(DatabaseProvider.Sqlite);
        await using var postgres = await databases.FreshAsync(DatabaseProvider.Postgres);
        await using var again = await databases.FreshAsync(DatabaseProvider.Sqlite);

        foreach (var db in new[] { sqlite, postgres, again })
        {
            await db.Get<SeedRunner>().SeedAsync(Demo);
        }

        var expected = await CatalogContent.HashAsync(sqlite);
        Assert.Equal(expected, await CatalogContent.HashAsync(postgres));
        Assert.Equal(expected, await CatalogContent.HashAsync(again));
        Assert.Equal(300, (await CatalogContent.CountsAsync(postgres)).Parts);
    }

    [Theory, BothProviders]
    public async Task Demo_seed_run_twice_leaves_the_same_rows(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await db.Get<SeedRunner>().SeedAsync(Demo);
        var hash = await CatalogContent.HashAsync(db);
        var counts = await CatalogContent.CountsAsync(db);

        var second = await db.Get<SeedRunner>().SeedAsync(Demo);

        Assert.Equal(hash, await CatalogContent.HashAsync(db));
        Assert.Equal(counts, await CatalogContent.CountsAsync(db));
        Assert.Contains(second.Notes, n => n.Text.StartsWith("300 demo parts: 0 added, 0 changed, 300 unchanged; added 0 fitments, 0 alternatives, 0 part tags", StringComparison.Ordinal));
    }

    [Theory, BothProviders]
    public async Task Demo_seed_makes_the_tree_models_fitments_alternatives_and_tags(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        await db.Get<SeedRunner>().SeedAsync(Demo);

        var counts = await CatalogContent.CountsAsync(db);
        Assert.Equal(CatalogDemoDataCategories, counts.Categories);
        Assert.InRange(counts.Fitments, 300, 1_200);
        Assert.InRange(counts.Alternatives, 1, 150);
        Assert.InRange(counts.PartTags, 100, 900);
        Assert.True(counts.Variations > 200, $"{counts.Variations} variations");
    }

    private static int CatalogDemoDataCategories => Catalog.Seed.CatalogDemoData.CategoryPaths.Count;
}
