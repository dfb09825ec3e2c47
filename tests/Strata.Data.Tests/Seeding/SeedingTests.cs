using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Strata.Data.Errors;
using Strata.Data.Configuration;
using Strata.Data.Seeding;
using Strata.TestModules.Widgets.Seed;
using Strata.Testing;

namespace Strata.Data.Tests.Seeding;

public sealed class SeedingTests(DataTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Reference_seeding_twice_leaves_the_same_rows(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var seeds = db.Root.GetRequiredService<SeedRunner>();

        await seeds.SeedAsync(new SeedOptions());
        await seeds.SeedAsync(new SeedOptions());

        Assert.Equal(WidgetCategorySeeder.Names.Length, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("widgets", "categories")}"));
    }

    [Theory, BothProviders]
    public async Task Demo_data_is_seeded_only_on_request(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        await db.Root.GetRequiredService<SeedRunner>().SeedAsync(new SeedOptions());

        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("widgets", "widgets")}"));
    }

    [Theory, BothProviders]
    public async Task Demo_seeding_twice_with_one_seed_leaves_the_same_rows(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var seeds = db.Root.GetRequiredService<SeedRunner>();

        await seeds.SeedAsync(new SeedOptions(IncludeDemo: true, Seed: 7, Size: 20));
        await seeds.SeedAsync(new SeedOptions(IncludeDemo: true, Seed: 7, Size: 20));

        Assert.Equal(20, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("widgets", "widgets")}"));
    }

    [Theory, BothProviders]
    public async Task Demo_data_is_refused_in_production_and_nothing_is_seeded(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider, services: s => s.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            EnvironmentName = Environments.Production, ApplicationName = "tests", ContentRootPath = Path.GetTempPath(), ContentRootFileProvider = new NullFileProvider(),
        }));

        var refusal = await Assert.ThrowsAsync<ForbiddenError>(() => db.Root.GetRequiredService<SeedRunner>().SeedAsync(new SeedOptions(IncludeDemo: true)));

        Assert.Equal("seeding.demo_refused", refusal.Code);
        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("widgets", "categories")}"));
    }

    [Theory, BothProviders]
    public async Task The_same_seed_gives_the_same_demo_data(DatabaseProvider provider)
    {
        await using var first = await databases.FreshAsync(provider);
        await using var second = await databases.FreshAsync(provider);

        await first.Root.GetRequiredService<SeedRunner>().SeedAsync(new SeedOptions(IncludeDemo: true, Seed: 11, Size: 5));
        await second.Root.GetRequiredService<SeedRunner>().SeedAsync(new SeedOptions(IncludeDemo: true, Seed: 11, Size: 5));

        Assert.Equal(await NamesAsync(first), await NamesAsync(second));

        async Task<string> NamesAsync(TestDatabase db) => await db.ScalarAsync<string>(db.Provider == DatabaseProvider.Postgres
            ? "SELECT string_agg(public_id::text || name, ',' ORDER BY name) FROM widgets.widgets"
            : "SELECT group_concat(public_id || name, ',') FROM (SELECT public_id, name FROM widgets_widgets ORDER BY name)");
    }
}
