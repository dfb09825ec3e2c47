using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Repositories;
using Strata.Data.Sessions;
using Strata.Modules.Catalog.Services;
using Strata.Testing;

namespace Strata.Modules.Catalog.Tests.Services;

/// <summary>The part list: by name, keyset paged, filters that combine, a fixed number of commands per page.</summary>
public sealed class PartListTests(CatalogTestDatabases databases)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    [Theory, BothProviders]
    public async Task Parts_are_listed_by_name_with_maker_category_path_tags_and_first_image(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var shop = await ShopAsync(db);
        var first = await db.Get<IPartImages>().AttachAsync(shop.Pad, "front.png", new MemoryStream(Png));
        await db.Get<IPartImages>().AttachAsync(shop.Pad, "back.png", new MemoryStream(Png));

        var page = await db.Get<IPartCatalog>().ListPartsAsync(new KeysetRequest(), new PartListFilter());

        Assert.Equal(["Brake disc", "Brake pad", "Wiper blade"], page.Items.Select(p => p.Name));
        var pad = page.Items[1];
        Assert.Equal(("BP-100", "Bosch"), (pad.PartNumber, pad.Manufacturer.Name));
        Assert.Equal(["Brakes", "Pads"], pad.CategoryPath.Select(c => c.Name));
        Assert.Equal(["eco", "winter"], pad.Tags);
        Assert.Equal(first.Id, pad.FirstImageId);
        Assert.Null(page.Items[0].FirstImageId);
        Assert.Null(page.NextCursor);
    }

    [Theory, BothProviders]
    public async Task A_category_filter_includes_every_category_below_it(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var shop = await ShopAsync(db);

        var brakes = await ListAsync(db, new PartListFilter(CategoryId: shop.Brakes));
        var pads = await ListAsync(db, new PartListFilter(CategoryId: shop.Pads));

        Assert.Equal(["Brake disc", "Brake pad"], brakes);
        Assert.Equal(["Brake pad"], pads);
    }

    [Theory, BothProviders]
    public async Task Each_filter_narrows_the_list_and_filters_combine(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var shop = await ShopAsync(db);

        Assert.Equal(["Brake disc", "Brake pad"], await ListAsync(db, new PartListFilter(ManufacturerId: shop.Bosch)));
        Assert.Equal(["Brake pad", "Wiper blade"], await ListAsync(db, new PartListFilter(VariationId: shop.Civic)));
        Assert.Equal(["Brake pad", "Wiper blade"], await ListAsync(db, new PartListFilter(Tag: "WINTER")));
        Assert.Equal(["Brake pad"], await ListAsync(db, new PartListFilter(CategoryId: shop.Brakes, VariationId: shop.Civic, ManufacturerId: shop.Bosch, Tag: "eco")));
        Assert.Empty(await ListAsync(db, new PartListFilter(ManufacturerId: shop.Bosch, Tag: "rain")));
    }

    [Theory, BothProviders]
    public async Task A_filter_naming_nothing_that_exists_gives_an_empty_page(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);

        Assert.Empty(await ListAsync(db, new PartListFilter(CategoryId: Guid.NewGuid())));
        Assert.Empty(await ListAsync(db, new PartListFilter(VariationId: Guid.NewGuid())));
        Assert.Empty(await ListAsync(db, new PartListFilter(Tag: "no such tag")));
    }

    [Theory, BothProviders]
    public async Task Pages_follow_each_other_to_the_end_without_repeating_a_part(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);
        var parts = db.Get<IPartCatalog>();

        var first = await parts.ListPartsAsync(new KeysetRequest(2), new PartListFilter());
        var second = await parts.ListPartsAsync(new KeysetRequest(2, first.NextCursor), new PartListFilter());

        Assert.Equal(["Brake disc", "Brake pad"], first.Items.Select(p => p.Name));
        Assert.Equal(["Wiper blade"], second.Items.Select(p => p.Name));
        Assert.Null(second.NextCursor);
    }

    [Theory, BothProviders]
    public async Task A_cursor_continues_after_its_last_part_while_parts_are_added_before_and_after_it(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var shop = await ShopAsync(db);
        var parts = db.Get<IPartCatalog>();
        var first = await parts.ListPartsAsync(new KeysetRequest(2), new PartListFilter());

        // One part sorts before the cursor (it is not shown again), one after it (the next page has it).
        await parts.CreatePartAsync(new PartInput(shop.Bosch, "AA-1", "Air filter", shop.Pads));
        await parts.CreatePartAsync(new PartInput(shop.Bosch, "SP-1", "Spark plug", shop.Pads));
        var second = await parts.ListPartsAsync(new KeysetRequest(2, first.NextCursor), new PartListFilter());

        Assert.Equal(["Brake disc", "Brake pad"], first.Items.Select(p => p.Name));
        Assert.Equal(["Spark plug", "Wiper blade"], second.Items.Select(p => p.Name));
    }

    [Theory, BothProviders]
    public async Task A_page_of_100_parts_costs_the_commands_of_a_page_of_5(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var shop = await ShopAsync(db);
        var parts = db.Get<IPartCatalog>();
        for (var i = 0; i < 100; i++)
        {
            var part = await parts.CreatePartAsync(new PartInput(shop.Bosch, $"X-{i:000}", $"Extra part {i:000}", shop.Pads));
            await parts.SetTagsAsync(part.Id, [$"tag {i % 7}"]);
        }

        Assert.Equal(await CommandsForPageAsync(db, 5), await CommandsForPageAsync(db, 100));
        Assert.Equal(5, await CommandsForPageAsync(db, 100));
    }

    private static async Task<int> CommandsForPageAsync(TestDatabase db, int limit)
    {
        await using var scope = db.CreateScope();
        var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
        var page = await scope.ServiceProvider.GetRequiredService<IPartCatalog>().ListPartsAsync(new KeysetRequest(limit), new PartListFilter());
        Assert.Equal(limit, page.Items.Count);
        return session.CommandsExecuted;
    }

    private static async Task<IReadOnlyList<string>> ListAsync(TestDatabase db, PartListFilter filter) =>
        [.. (await db.Get<IPartCatalog>().ListPartsAsync(new KeysetRequest(), filter)).Items.Select(p => p.Name)];

    /// <summary>
    /// Bosch's brake pad (Brakes › Pads, eco + winter, fits a Civic) and brake disc (Brakes › Discs), and Valeo's wiper
    /// blade (Body, winter, fits the Civic).
    /// </summary>
    private static async Task<Shop> ShopAsync(TestDatabase db)
    {
        var parts = db.Get<IPartCatalog>();
        var brakes = await parts.CreateCategoryAsync("Brakes", null);
        var pads = await parts.CreateCategoryAsync("Pads", brakes.Id);
        var discs = await parts.CreateCategoryAsync("Discs", brakes.Id);
        var body = await parts.CreateCategoryAsync("Body", null);
        var makers = db.Get<IManufacturerCatalog>();
        var bosch = await makers.CreateManufacturerAsync(new ManufacturerInput("Bosch", "DE"));
        var valeo = await makers.CreateManufacturerAsync(new ManufacturerInput("Valeo", "FR"));
        var pad = await parts.CreatePartAsync(new PartInput(bosch.Id, "BP-100", "Brake pad", pads.Id));
        await parts.CreatePartAsync(new PartInput(bosch.Id, "BD-200", "Brake disc", discs.Id));
        var wiper = await parts.CreatePartAsync(new PartInput(valeo.Id, "WB-300", "Wiper blade", body.Id));
        await parts.SetTagsAsync(pad.Id, ["winter", "eco"]);
        await parts.SetTagsAsync(wiper.Id, ["winter"]);
        var model = await db.NewModelAsync("Honda", "Civic");
        var civic = await db.Get<IModelVariationCatalog>().CreateVariationAsync(model.Id, new VariationInput(2004, 2006));
        await parts.AddFitmentAsync(pad.Id, civic.Id, pads.Id, null);
        await parts.AddFitmentAsync(wiper.Id, civic.Id, body.Id, null);
        return new Shop(brakes.Id, pads.Id, bosch.Id, civic.Id, pad.Id);
    }

    private sealed record Shop(Guid Brakes, Guid Pads, Guid Bosch, Guid Civic, Guid Pad);
}
