using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Data.Repositories;
using Strata.Data.Sessions;
using Strata.Modules.Catalog.Services;
using Strata.Testing;

namespace Strata.Modules.Catalog.Tests.Services;

/// <summary>
/// <c>?search=</c> of the part list on each provider's native engine (PostgreSQL full text and pg_trgm, SQLite FTS5):
/// prefixes, folded case and accents, part-number fragments, ranking, filters, paging and hostile input.
/// </summary>
public sealed class PartSearchTests(CatalogTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Every_word_is_a_prefix(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);

        Assert.Equal(["Brake pads, front"], await SearchAsync(db, "brake pa"));
        Assert.Equal(["Brake disc", "Brake pads, front"], await SearchAsync(db, "bra"));
        Assert.Empty(await SearchAsync(db, "brake wiper"));
    }

    [Theory, BothProviders]
    public async Task Case_and_accents_are_folded(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);

        Assert.Equal(["Frein à main"], await SearchAsync(db, "frein"));
        Assert.Equal(["Frein à main"], await SearchAsync(db, "FREIN A"));
        Assert.Equal(["Essuie-glace arrière"], await SearchAsync(db, "arriere"));
        Assert.Equal(["Essuie-glace arrière"], await SearchAsync(db, "ARRIÈRE"));
        Assert.Equal(["Essuie-glace arrière"], await SearchAsync(db, "essuie"));
    }

    [Theory, BothProviders]
    public async Task Part_number_fragments_match_with_or_without_separators(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);

        Assert.Equal(["Brake pads, front"], await SearchAsync(db, "04465"));
        Assert.Equal(["Brake pads, front"], await SearchAsync(db, "0446533"));
        Assert.Equal(["Brake pads, front"], await SearchAsync(db, "04465-33"));
        Assert.Equal(["Brake pads, front"], await SearchAsync(db, "465 33"));
        Assert.Equal(["Brake pads, front"], await SearchAsync(db, "6533"));
        // Under three characters a fragment only matches the start of a number.
        Assert.Equal(["Brake pads, front"], await SearchAsync(db, "04"));
        Assert.Empty(await SearchAsync(db, "45"));
    }

    [Theory, BothProviders]
    public async Task The_exact_number_comes_first_then_name_and_number_matches_then_description_mentions(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var shop = await ShopAsync(db);
        var parts = db.Get<IPartCatalog>();
        await parts.CreatePartAsync(new PartInput(shop.Bosch, "PAD-1", "Anchor plate", shop.Category, "Holds the pad in place"));
        await parts.CreatePartAsync(new PartInput(shop.Bosch, "X-PAD", "Zinc shim", shop.Category));
        await parts.CreatePartAsync(new PartInput(shop.Bosch, "PAD", "Wear sensor", shop.Category));
        await parts.CreatePartAsync(new PartInput(shop.Bosch, "S-9", "Pad spring", shop.Category));

        // PAD exactly; then Pad spring (name), Zinc shim (number word "pad"), Anchor plate (number PAD-1), by name; the
        // description-only mention of pads last.
        Assert.Equal(["Wear sensor", "Anchor plate", "Brake pads, front", "Pad spring", "Zinc shim", "Caliper bolt"], await SearchAsync(db, "pad"));
    }

    [Theory, BothProviders]
    public async Task Search_combines_with_filters(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var shop = await ShopAsync(db);

        Assert.Equal(["Brake disc", "Brake pads, front"], await SearchAsync(db, "brake", new PartListFilter(ManufacturerId: shop.Bosch)));
        Assert.Empty(await SearchAsync(db, "brake", new PartListFilter(ManufacturerId: shop.Valeo)));
        Assert.Equal(["Brake pads, front"], await SearchAsync(db, "brake", new PartListFilter(Tag: "eco")));
    }

    [Theory, BothProviders]
    public async Task Search_results_page_in_rank_order_without_repeating_a_part(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var shop = await ShopAsync(db);
        var parts = db.Get<IPartCatalog>();
        for (var i = 0; i < 7; i++)
        {
            await parts.CreatePartAsync(new PartInput(shop.Bosch, $"GSK-{i}", $"Gasket {(char)('G' - i)}", shop.Category, i % 2 == 0 ? null : "gasket set"));
        }

        await parts.CreatePartAsync(new PartInput(shop.Bosch, "GASKET", "Head seal", shop.Category));
        await parts.CreatePartAsync(new PartInput(shop.Bosch, "HS-1", "Hose clamp", shop.Category, "fits any gasket"));
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await parts.ListPartsAsync(new KeysetRequest(3, cursor), new PartListFilter(Search: "gasket"));
            seen.AddRange(page.Items.Select(p => p.Name));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(["Head seal", "Gasket A", "Gasket B", "Gasket C", "Gasket D", "Gasket E", "Gasket F", "Gasket G", "Hose clamp"], seen);
    }

    [Theory, BothProviders]
    public async Task A_list_cursor_does_not_continue_a_search(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);
        var parts = db.Get<IPartCatalog>();
        var list = await parts.ListPartsAsync(new KeysetRequest(1), new PartListFilter());

        var error = await Assert.ThrowsAsync<ValidationError>(() => parts.ListPartsAsync(new KeysetRequest(1, list.NextCursor), new PartListFilter(Search: "brake")));

        Assert.Equal("paging.invalid_cursor", error.Code);
    }

    public static TheoryData<string> Hostile =>
    [
        "\"", "\"\"", "\"brake", "brake\"", "'", "' OR 1=1 --", "NEAR(brake pad)", "brake NEAR pad", "*", "brake*", "**pad",
        "-brake", "brake -pad", "OR", "brake OR pad", "AND", "NOT", "^brake", "brake:", ":*", "pa:*", "name:brake",
        "{part_number}: brake", "(", ")", "((brake", "pad))", "&", "brake & pad", "|", "brake | !pad", "!", "!!brake",
        "\\", "brake\\", "\\\"", "%", "_", "100%", "a_b", "<->", "brake <-> pad", "brake:A", "ünïcödé", "Frein à main",
        "ブレーキ", "тормоз", "🚗", "🚗 brake 🛑", "brake\u0000pad", "\u0001\u0002\u001f", "\t\r\n", " ", "", "\u200b",
        "a b c d e f g h i j k l m n o p", new string('x', 200), new string('é', 150), string.Concat(Enumerable.Repeat("ab ", 66)),
    ];

    [Theory, BothProviders]
    public async Task Hostile_search_text_answers_a_page(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);
        var parts = db.Get<IPartCatalog>();

        foreach (var search in Hostile)
        {
            var page = await parts.ListPartsAsync(new KeysetRequest(), new PartListFilter(Search: search));
            Assert.NotNull(page.Items);
        }
    }

    [Theory, BothProviders]
    public async Task Search_text_over_200_characters_is_refused_with_a_field_error(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var parts = db.Get<IPartCatalog>();

        foreach (var search in new[] { new string('x', 201), new string('"', 10_000), string.Concat(Enumerable.Repeat("brake ", 1_667)) })
        {
            var error = await Assert.ThrowsAsync<ValidationError>(() => parts.ListPartsAsync(new KeysetRequest(), new PartListFilter(Search: search)));
            Assert.Equal("catalog.invalid_search", error.Code);
            Assert.Contains("search", error.Errors.Keys);
        }
    }

    [Fact]
    public void Terms_are_runs_of_letters_and_digits_folded_and_bounded()
    {
        Assert.Equal(["brake", "pa"], CatalogInput.SearchTerms("  Brake \"pa\"* "));
        Assert.Equal(["frein", "a", "main"], CatalogInput.SearchTerms("Frein à main"));
        Assert.Equal(["04465", "33"], CatalogInput.SearchTerms("04465-33"));
        Assert.Empty(CatalogInput.SearchTerms("&|!():*🚗"));
        Assert.Equal(8, CatalogInput.SearchTerms("a b c d e f g h i j").Count);
        Assert.Equal(64, CatalogInput.SearchTerms(new string('y', 100)).Single().Length);
    }

    [Theory, BothProviders]
    public async Task A_search_page_of_100_parts_costs_the_commands_of_a_page_of_5(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var shop = await ShopAsync(db);
        var parts = db.Get<IPartCatalog>();
        for (var i = 0; i < 100; i++)
        {
            var part = await parts.CreatePartAsync(new PartInput(shop.Bosch, $"SP-{i:000}", $"Spare brake shoe {i:000}", shop.Category));
            await parts.SetTagsAsync(part.Id, [$"tag {i % 7}"]);
        }

        Assert.Equal(5, await CommandsForSearchPageAsync(db, 5));
        Assert.Equal(5, await CommandsForSearchPageAsync(db, 100));
    }

    private static async Task<int> CommandsForSearchPageAsync(TestDatabase db, int limit)
    {
        await using var scope = db.CreateScope();
        var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
        var page = await scope.ServiceProvider.GetRequiredService<IPartCatalog>().ListPartsAsync(new KeysetRequest(limit), new PartListFilter(Search: "spare shoe"));
        Assert.Equal(limit, page.Items.Count);
        return session.CommandsExecuted;
    }

    private static async Task<IReadOnlyList<string>> SearchAsync(TestDatabase db, string search, PartListFilter? filter = null) =>
        [.. (await db.Get<IPartCatalog>().ListPartsAsync(new KeysetRequest(100), (filter ?? new PartListFilter()) with { Search = search })).Items.Select(p => p.Name)];

    /// <summary>Bosch's brake pads (04465-33450, eco), brake disc and caliper bolt; Valeo's French parts.</summary>
    private static async Task<Shop> ShopAsync(TestDatabase db)
    {
        var parts = db.Get<IPartCatalog>();
        var brakes = await parts.CreateCategoryAsync("Brakes", null);
        var makers = db.Get<IManufacturerCatalog>();
        var bosch = await makers.CreateManufacturerAsync(new ManufacturerInput("Bosch", "DE"));
        var valeo = await makers.CreateManufacturerAsync(new ManufacturerInput("Valeo", "FR"));
        var pads = await parts.CreatePartAsync(new PartInput(bosch.Id, "04465-33450", "Brake pads, front", brakes.Id, "Ceramic, low dust"));
        await parts.CreatePartAsync(new PartInput(bosch.Id, "BD-200", "Brake disc", brakes.Id, "Vented"));
        await parts.CreatePartAsync(new PartInput(bosch.Id, "CB-7", "Caliper bolt", brakes.Id, "For pads and calipers"));
        await parts.CreatePartAsync(new PartInput(valeo.Id, "FM-1", "Frein à main", brakes.Id, "Câble"));
        await parts.CreatePartAsync(new PartInput(valeo.Id, "EG-2", "Essuie-glace arrière", brakes.Id));
        await parts.SetTagsAsync(pads.Id, ["eco"]);
        return new Shop(brakes.Id, bosch.Id, valeo.Id);
    }

    private sealed record Shop(Guid Category, Guid Bosch, Guid Valeo);
}
