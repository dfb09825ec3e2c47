using System.Text;
using Strata.Data.Bulk;
using Strata.Data.Configuration;
using Strata.Data.Repositories;
using Strata.Modules.Catalog.Schema;
using Strata.Modules.Catalog.Services;
using Strata.Testing;

namespace Strata.Modules.Catalog.Tests.Services;

/// <summary>
/// A large load into an empty catalog (the demo seed) builds the parts' GIN indexes after loading
/// (<see cref="BulkIndexes.DeferGinIndexesAsync{TEntity}"/>): they must come back exactly as the model declares them.
/// </summary>
public sealed class SearchIndexDeferralTests(CatalogTestDatabases databases)
{
    private const string IndexDefinitions =
        "SELECT string_agg(indexdef, E'\\n' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'catalog' AND tablename = 'parts'";

    [Fact]
    public async Task Gin_indexes_deferred_for_a_load_are_built_again_as_the_model_declares_them()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var brakes = await db.Get<IPartCatalog>().CreateCategoryAsync("Brakes", null);
        await db.Get<IManufacturerCatalog>().CreateManufacturerAsync(new ManufacturerInput("Bosch", "DE"));
        var before = await db.ScalarAsync<string>(IndexDefinitions);

        var during = await db.Session.InTransactionAsync(async token =>
        {
            var rebuild = await BulkIndexes.DeferGinIndexesAsync<Part>(db.Session.GetContext<CatalogDbContext>(), token);
            var withoutGin = await db.ScalarAsync<string>(IndexDefinitions);
            await db.Get<IPartImports>().ImportAsync(
                new MemoryStream(Encoding.UTF8.GetBytes("manufacturer,partNumber,name,category\nBosch,04465-33450,Ceramic brake pad,Brakes\n")),
                PartImportFormats.Csv, new PartImportOptions("parts.csv"), cancellationToken: token);
            await rebuild(token);
            return withoutGin;
        });

        Assert.DoesNotContain("USING gin", during, StringComparison.Ordinal);
        Assert.Contains("USING gin", before, StringComparison.Ordinal);
        Assert.Equal(before, await db.ScalarAsync<string>(IndexDefinitions));
        Assert.Single((await db.Get<IPartCatalog>().ListPartsAsync(new KeysetRequest(), new PartListFilter(Search: "0446533"))).Items);
    }

    [Fact]
    public async Task Deferring_gin_indexes_on_sqlite_changes_nothing()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Sqlite);
        var schema = "SELECT group_concat(sql, char(10)) FROM (SELECT sql FROM sqlite_master WHERE tbl_name LIKE 'catalog_parts%' ORDER BY name)";
        var before = await db.ScalarAsync<string>(schema);

        await db.Session.InTransactionAsync(async token => await (await BulkIndexes.DeferGinIndexesAsync<Part>(db.Session.GetContext<CatalogDbContext>(), token))(token));

        Assert.Equal(before, await db.ScalarAsync<string>(schema));
    }
}
