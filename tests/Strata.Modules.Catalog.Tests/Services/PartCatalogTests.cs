using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Data.Sessions;
using Strata.Modules.Catalog.Services;
using Strata.Testing;

namespace Strata.Modules.Catalog.Tests.Services;

public sealed class PartCatalogTests(CatalogTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task The_category_tree_nests_children_by_name(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var parts = db.Get<IPartCatalog>();
        var brakes = await parts.CreateCategoryAsync("Brakes", null);
        await parts.CreateCategoryAsync("Pads", brakes.Id);
        await parts.CreateCategoryAsync("Discs", brakes.Id);
        await parts.CreateCategoryAsync("Body", null);

        var tree = await parts.GetCategoryTreeAsync();

        Assert.Equal(["Body", "Brakes"], tree.Select(c => c.Name));
        Assert.Equal(["Discs", "Pads"], tree[1].Children.Select(c => c.Name));
    }

    [Theory, BothProviders]
    public async Task Sibling_and_root_category_names_are_unique(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var parts = db.Get<IPartCatalog>();
        var brakes = await parts.CreateCategoryAsync("Brakes", null);
        await parts.CreateCategoryAsync("Pads", brakes.Id);

        var root = await Assert.ThrowsAsync<ConflictError>(() => parts.CreateCategoryAsync("BRAKES", null));
        var sibling = await Assert.ThrowsAsync<ConflictError>(() => parts.CreateCategoryAsync("pads", brakes.Id));
        var elsewhere = await parts.CreateCategoryAsync("Pads", null);

        Assert.Equal(("catalog.name_taken", "catalog.name_taken"), (root.Code, sibling.Code));
        Assert.Null(elsewhere.ParentId);
    }

    [Theory, BothProviders]
    public async Task A_part_shows_its_category_path_tags_alternatives_both_ways_and_fitments(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var (parts, pad) = await ArrangePartAsync(db, "BP-100");
        var other = await CreatePartAsync(db, "BP-200");
        var third = await CreatePartAsync(db, "BP-300");
        await parts.AddAlternativeAsync(pad.Id, other.Id, "aftermarket");
        await parts.AddAlternativeAsync(third.Id, pad.Id, "oem");
        await parts.SetTagsAsync(pad.Id, ["Winter", "eco"]);

        var detail = await parts.GetPartAsync(pad.Id);

        Assert.Equal(["Brakes", "Pads", "Front"], detail.CategoryPath.Select(c => c.Name));
        Assert.Equal(["eco", "Winter"], detail.Tags);
        Assert.Equal([("BP-200", "aftermarket"), ("BP-300", "oem")], detail.Alternatives.Select(a => (a.Part.PartNumber, a.Kind)));
        Assert.Equal("Pad", detail.PartName);
        Assert.Equal("ceramic", detail.Attributes.GetProperty("material").GetString());
        Assert.Contains(pad.Id, (await parts.GetPartAsync(other.Id)).Alternatives.Select(a => a.Part.Id));
    }

    [Theory, BothProviders]
    public async Task A_part_detail_is_one_command_however_much_hangs_off_it(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var (parts, bare) = await ArrangePartAsync(db, "BARE-1");
        var (_, busy) = await ArrangePartAsync(db, "BUSY-1", fitments: 3);
        for (var i = 0; i < 6; i++)
        {
            await parts.AddAlternativeAsync(busy.Id, (await CreatePartAsync(db, $"ALT-{i}")).Id, "interchange");
        }

        await parts.SetTagsAsync(busy.Id, [.. Enumerable.Range(0, 12).Select(i => $"tag {i}")]);

        Assert.Equal(1, await CommandsForDetailAsync(db, bare.Id));
        Assert.Equal(1, await CommandsForDetailAsync(db, busy.Id));
    }

    [Theory, BothProviders]
    public async Task Alternatives_refuse_the_part_itself_and_a_pair_recorded_either_way(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var (parts, pad) = await ArrangePartAsync(db, "BP-100");
        var other = await CreatePartAsync(db, "BP-200");
        await parts.AddAlternativeAsync(pad.Id, other.Id, "interchange");

        var self = await Assert.ThrowsAsync<ValidationError>(() => parts.AddAlternativeAsync(pad.Id, pad.Id, "interchange"));
        var reversed = await Assert.ThrowsAsync<ConflictError>(() => parts.AddAlternativeAsync(other.Id, pad.Id, "oem"));
        var kind = await Assert.ThrowsAsync<ValidationError>(() => parts.AddAlternativeAsync(pad.Id, other.Id, "cheaper"));

        Assert.Equal(("catalog.alternative_self", "catalog.alternative_exists", "catalog.invalid_kind"), (self.Code, reversed.Code, kind.Code));
    }

    [Theory, BothProviders]
    public async Task Part_numbers_are_unique_per_manufacturer_ignoring_case_and_separators(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var (parts, pad) = await ArrangePartAsync(db, "BP-100");
        var detail = await parts.GetPartAsync(pad.Id);
        var otherMaker = await db.Get<IManufacturerCatalog>().CreateManufacturerAsync(new ManufacturerInput("Brembo", "IT"));

        var refusal = await Assert.ThrowsAsync<ConflictError>(() => parts.CreatePartAsync(new PartInput(detail.Manufacturer.Id, "bp 100", "Twin", detail.CategoryPath[^1].Id)));
        var elsewhere = await parts.CreatePartAsync(new PartInput(otherMaker.Id, "BP-100", "Same number, other maker", detail.CategoryPath[^1].Id));

        Assert.Equal(("catalog.part_number_taken", "partNumber"), (refusal.Code, refusal.Field));
        Assert.Equal("BP-100", elsewhere.PartNumber);
    }

    [Theory, BothProviders]
    public async Task A_category_in_use_cannot_be_deleted(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var (parts, pad) = await ArrangePartAsync(db, "BP-100");
        var leaf = (await parts.GetPartAsync(pad.Id)).CategoryPath[^1].Id;

        var refusal = await Assert.ThrowsAsync<ConflictError>(() => parts.DeleteCategoryAsync(leaf));

        Assert.Equal("catalog.has_children", refusal.Code);
    }

    [Theory, BothProviders]
    public async Task A_deleted_part_is_gone_from_its_detail_and_from_other_parts_alternatives(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var (parts, pad) = await ArrangePartAsync(db, "BP-100");
        var other = await CreatePartAsync(db, "BP-200");
        await parts.AddAlternativeAsync(pad.Id, other.Id, "interchange");

        await parts.DeletePartAsync(other.Id);

        await Assert.ThrowsAsync<NotFoundError>(() => parts.GetPartAsync(other.Id));
        Assert.Empty((await parts.GetPartAsync(pad.Id)).Alternatives);
    }

    [Theory, BothProviders]
    public async Task A_part_lists_its_fitments_by_vehicle_and_drops_a_deleted_variation(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var (parts, pad) = await ArrangePartAsync(db, "BP-100", fitments: 2);
        var fitments = (await parts.GetPartAsync(pad.Id)).CompatibleVariations;

        await db.Get<IModelVariationCatalog>().DeleteVariationAsync(fitments[0].VariationId);

        Assert.Equal([(2000, (int?)2001), (2001, 2002)], fitments.Select(f => (f.YearFrom, f.YearTo)));
        Assert.All(fitments, f => Assert.Equal(("Maker BP-100", "Model", "Front", "front axle"), (f.Manufacturer, f.Model, f.Category, f.Note)));
        Assert.Equal([fitments[1].VariationId], (await parts.GetPartAsync(pad.Id)).CompatibleVariations.Select(f => f.VariationId));
    }

    [Theory, BothProviders]
    public async Task A_manufacturer_with_live_parts_cannot_be_deleted(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var (_, pad) = await ArrangePartAsync(db, "BP-100");

        var refusal = await Assert.ThrowsAsync<ConflictError>(() => db.Get<IManufacturerCatalog>().DeleteManufacturerAsync(pad.Manufacturer.Id));

        Assert.Equal("catalog.has_children", refusal.Code);
    }

    [Theory, BothProviders]
    public async Task The_lookup_reads_500_parts_in_one_command(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var (_, pad) = await ArrangePartAsync(db, "BP-100");
        var ids = Enumerable.Range(0, 499).Select(_ => Guid.NewGuid()).Append(pad.Id).ToArray();

        await using var scope = db.CreateScope();
        var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
        var found = await scope.ServiceProvider.GetRequiredService<ICatalogLookup>().GetPartsAsync(ids);

        Assert.Equal(1, session.CommandsExecuted);
        Assert.Equal(("BP-100", "Bosch"), (Assert.Single(found).PartNumber, found[0].Manufacturer.Name));
    }

    private static async Task<int> CommandsForDetailAsync(TestDatabase db, Guid partId)
    {
        await using var scope = db.CreateScope();
        var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
        await scope.ServiceProvider.GetRequiredService<IPartCatalog>().GetPartAsync(partId);
        return session.CommandsExecuted;
    }

    /// <summary>A part of Bosch under Brakes › Pads › Front, fitting <paramref name="fitments"/> variations of a model.</summary>
    private static async Task<(IPartCatalog Parts, PartDetail Part)> ArrangePartAsync(TestDatabase db, string partNumber, int fitments = 1)
    {
        var parts = db.Get<IPartCatalog>();
        var part = await CreatePartAsync(db, partNumber);
        var model = await db.NewModelAsync($"Maker {partNumber}", "Model");
        for (var i = 0; i < fitments; i++)
        {
            var variation = await db.Get<IModelVariationCatalog>().CreateVariationAsync(model.Id, new VariationInput(2000 + i, 2001 + i));
            await parts.AddFitmentAsync(part.Id, variation.Id, part.CategoryPath[^1].Id, "front axle");
        }

        return (parts, await parts.GetPartAsync(part.Id));
    }

    private static async Task<PartDetail> CreatePartAsync(TestDatabase db, string partNumber)
    {
        var parts = db.Get<IPartCatalog>();
        var tree = await parts.GetCategoryTreeAsync();
        var front = tree.FirstOrDefault(c => c.Name == "Brakes")?.Children.Single().Children.Single().Id
            ?? (await parts.CreateCategoryAsync("Front", (await parts.CreateCategoryAsync("Pads", (await parts.CreateCategoryAsync("Brakes", null)).Id)).Id)).Id;
        var existing = (await db.Get<IManufacturerCatalog>().ListManufacturersAsync(new(10), "bosch")).Items;
        var bosch = existing.Count > 0 ? existing[0].Id : (Guid?)null
            ?? (await db.Get<IManufacturerCatalog>().CreateManufacturerAsync(new ManufacturerInput("Bosch", "DE"))).Id;
        using var attributes = System.Text.Json.JsonDocument.Parse("""{"material":"ceramic"}""");
        return await parts.CreatePartAsync(new PartInput(bosch, partNumber, $"Brake pad {partNumber}", front, "Low dust", attributes.RootElement.Clone(), "Pad"));
    }
}
