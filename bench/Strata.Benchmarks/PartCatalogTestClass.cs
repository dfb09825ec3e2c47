using System.Text.Json;
using Strata.Data.Errors;
using Strata.Modules.Catalog.Services;
using Strata.Testing;
using Xunit;

namespace Strata.Benchmarks;

/// <summary>
/// A representative repository test class for P7: the bodies of the catalog's part tests
/// (<c>tests/Strata.Modules.Catalog.Tests/Services/PartCatalogTests.cs</c>) — categories, parts, alternatives, tags,
/// fitments, the conflicts the unique indexes raise — each acting in its test database's scope and checking what it
/// reads, so a body that stops working fails the benchmark.
/// </summary>
internal static class PartCatalogTestClass
{
    /// <summary>The tests, in the order a run takes them.</summary>
    public static IReadOnlyList<Func<TestDatabase, Task>> Tests { get; } =
    [
        TheCategoryTreeNestsChildrenByNameAsync,
        SiblingAndRootCategoryNamesAreUniqueAsync,
        APartShowsItsCategoryPathTagsAlternativesAndFitmentsAsync,
        AlternativesRefuseThePartItselfAndAReversedPairAsync,
        PartNumbersAreUniquePerManufacturerAsync,
        ACategoryInUseCannotBeDeletedAsync,
    ];

    private static async Task TheCategoryTreeNestsChildrenByNameAsync(TestDatabase db)
    {
        var parts = db.Get<IPartCatalog>();
        var brakes = await parts.CreateCategoryAsync("Brakes", null);
        await parts.CreateCategoryAsync("Pads", brakes.Id);
        await parts.CreateCategoryAsync("Discs", brakes.Id);
        await parts.CreateCategoryAsync("Body", null);

        var tree = await parts.GetCategoryTreeAsync();

        Assert.Equal(["Body", "Brakes"], tree.Select(c => c.Name));
        Assert.Equal(["Discs", "Pads"], tree[1].Children.Select(c => c.Name));
    }

    private static async Task SiblingAndRootCategoryNamesAreUniqueAsync(TestDatabase db)
    {
        var parts = db.Get<IPartCatalog>();
        var brakes = await parts.CreateCategoryAsync("Brakes", null);
        await parts.CreateCategoryAsync("Pads", brakes.Id);

        await Assert.ThrowsAsync<ConflictError>(() => parts.CreateCategoryAsync("BRAKES", null));
        await Assert.ThrowsAsync<ConflictError>(() => parts.CreateCategoryAsync("pads", brakes.Id));
        Assert.Null((await parts.CreateCategoryAsync("Pads", null)).ParentId);
    }

    private static async Task APartShowsItsCategoryPathTagsAlternativesAndFitmentsAsync(TestDatabase db)
    {
        var (parts, pad) = await ArrangePartAsync(db, "BP-100");
        var other = await CreatePartAsync(db, "BP-200");
        await parts.AddAlternativeAsync(pad.Id, other.Id, "aftermarket");
        await parts.SetTagsAsync(pad.Id, ["Winter", "eco"]);

        var detail = await parts.GetPartAsync(pad.Id);

        Assert.Equal(["Brakes", "Pads", "Front"], detail.CategoryPath.Select(c => c.Name));
        Assert.Equal(["eco", "Winter"], detail.Tags);
        Assert.Equal("BP-200", Assert.Single(detail.Alternatives).Part.PartNumber);
        Assert.Contains(pad.Id, (await parts.GetPartAsync(other.Id)).Alternatives.Select(a => a.Part.Id));
    }

    private static async Task AlternativesRefuseThePartItselfAndAReversedPairAsync(TestDatabase db)
    {
        var (parts, pad) = await ArrangePartAsync(db, "BP-100");
        var other = await CreatePartAsync(db, "BP-200");
        await parts.AddAlternativeAsync(pad.Id, other.Id, "interchange");

        await Assert.ThrowsAsync<ValidationError>(() => parts.AddAlternativeAsync(pad.Id, pad.Id, "interchange"));
        await Assert.ThrowsAsync<ConflictError>(() => parts.AddAlternativeAsync(other.Id, pad.Id, "oem"));
    }

    private static async Task PartNumbersAreUniquePerManufacturerAsync(TestDatabase db)
    {
        var (parts, pad) = await ArrangePartAsync(db, "BP-100");
        var otherMaker = await db.Get<IManufacturerCatalog>().CreateManufacturerAsync(new ManufacturerInput("Brembo", "IT"));

        await Assert.ThrowsAsync<ConflictError>(() => parts.CreatePartAsync(new PartInput(pad.Manufacturer.Id, "bp 100", "Twin", pad.CategoryPath[^1].Id)));
        Assert.Equal("BP-100", (await parts.CreatePartAsync(new PartInput(otherMaker.Id, "BP-100", "Other maker", pad.CategoryPath[^1].Id))).PartNumber);
    }

    private static async Task ACategoryInUseCannotBeDeletedAsync(TestDatabase db)
    {
        var (parts, pad) = await ArrangePartAsync(db, "BP-100");

        await Assert.ThrowsAsync<ConflictError>(() => parts.DeleteCategoryAsync(pad.CategoryPath[^1].Id));
    }

    /// <summary>A part of Bosch under Brakes › Pads › Front, fitting one variation of a model.</summary>
    private static async Task<(IPartCatalog Parts, PartDetail Part)> ArrangePartAsync(TestDatabase db, string partNumber)
    {
        var parts = db.Get<IPartCatalog>();
        var part = await CreatePartAsync(db, partNumber);
        var maker = await db.Get<IManufacturerCatalog>().CreateManufacturerAsync(new ManufacturerInput($"Maker {partNumber}"));
        var model = await db.Get<IVehicleModelCatalog>().CreateModelAsync(maker.Id, "Model");
        var variation = await db.Get<IModelVariationCatalog>().CreateVariationAsync(model.Id, new VariationInput(2000, 2001));
        await parts.AddFitmentAsync(part.Id, variation.Id, part.CategoryPath[^1].Id, "front axle");
        return (parts, await parts.GetPartAsync(part.Id));
    }

    private static async Task<PartDetail> CreatePartAsync(TestDatabase db, string partNumber)
    {
        var parts = db.Get<IPartCatalog>();
        var manufacturers = db.Get<IManufacturerCatalog>();
        var tree = await parts.GetCategoryTreeAsync();
        var front = tree.FirstOrDefault(c => c.Name == "Brakes")?.Children.Single().Children.Single().Id
            ?? (await parts.CreateCategoryAsync("Front", (await parts.CreateCategoryAsync("Pads", (await parts.CreateCategoryAsync("Brakes", null)).Id)).Id)).Id;
        var existing = (await manufacturers.ListManufacturersAsync(new(10), "bosch")).Items;
        var bosch = existing.Count > 0 ? existing[0].Id : (await manufacturers.CreateManufacturerAsync(new ManufacturerInput("Bosch", "DE"))).Id;
        using var attributes = JsonDocument.Parse("""{"material":"ceramic"}""");
        return await parts.CreatePartAsync(new PartInput(bosch, partNumber, $"Brake pad {partNumber}", front, "Low dust", attributes.RootElement.Clone(), "Pad"));
    }
}
