using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Strata.Data.Conventions;
using Strata.Modules.Catalog.Schema;
using Strata.Modules.Catalog.Seed;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Tests.Seed;

/// <summary>The demo catalog's generator on its own: what it makes, without a database.</summary>
public sealed class CatalogDemoDataTests
{
    [Fact]
    public void The_same_seed_gives_the_same_models_and_parts()
    {
        Assert.Equal(Fingerprint(new CatalogDemoData(42), 2_000), Fingerprint(new CatalogDemoData(42), 2_000));
    }

    [Fact]
    public void Another_seed_gives_other_parts()
    {
        Assert.NotEqual(Fingerprint(new CatalogDemoData(42), 500), Fingerprint(new CatalogDemoData(43), 500));
    }

    [Fact]
    public void A_smaller_size_is_the_start_of_a_larger_one()
    {
        var data = new CatalogDemoData(7);

        Assert.Equal(data.Parts(100).Select(p => p.PartNumber), data.Parts(1_000).Take(100).Select(p => p.PartNumber));
    }

    [Fact]
    public void Every_reference_manufacturer_has_models_with_variations()
    {
        var data = new CatalogDemoData(42);

        Assert.Equal(CatalogReferenceSeeder.ManufacturerNames.Order(StringComparer.Ordinal), data.Models.Select(m => m.Manufacturer).Distinct().Order(StringComparer.Ordinal));
        Assert.All(data.Models, m => Assert.InRange(m.Variations.Count, 2, 9));
        Assert.All(data.Models, m => Assert.Equal(m.Variations.Count, m.Variations.DistinctBy(v => (v.YearFrom, v.Trim, v.Engine)).Count()));
        Assert.All(data.Variations, v => Assert.True(v.Variation.YearTo is null || v.Variation.YearTo >= v.Variation.YearFrom));
    }

    [Fact]
    public void The_category_tree_has_about_300_nodes_over_four_levels()
    {
        var paths = CatalogDemoData.CategoryPaths;

        Assert.InRange(paths.Count, 250, 350);
        Assert.Equal(4, paths.Max(p => p.Count));
        Assert.All(paths.Where(p => p.Count > 1), p => Assert.Contains(paths, parent => parent.SequenceEqual(p.Take(p.Count - 1))));
        Assert.Equal(paths.Count, paths.Select(p => string.Join(">", p.Select(TextNormalization.Normalize))).Distinct(StringComparer.Ordinal).Count());
        Assert.All(paths.SelectMany(p => p), name => Assert.True(CatalogInput.IsName(name), name));
    }

    [Fact]
    public void Part_numbers_are_unique_per_maker_once_normalized()
    {
        var parts = new CatalogDemoData(42).Parts(50_000).ToList();

        Assert.Equal(parts.Count, parts.Select(p => (p.Manufacturer, PartNumbers.Normalize(p.PartNumber))).Distinct().Count());
    }

    [Fact]
    public void Every_generated_field_passes_the_catalog_rules()
    {
        var data = new CatalogDemoData(42);
        var paths = CatalogDemoData.CategoryPaths.Select(p => string.Join(CatalogDemoData.PathSeparator, p)).ToHashSet(StringComparer.Ordinal);

        Assert.All(data.Parts(5_000), part =>
        {
            Assert.True(CatalogInput.IsPartNumber(part.PartNumber), part.PartNumber);
            Assert.True(CatalogInput.IsName(part.Name, CatalogLimits.PartNameMaxLength), part.Name);
            Assert.True(CatalogInput.IsDescription(part.Description));
            Assert.True(TextInput.Problem(part.Description) is null && TextInput.Problem(part.Name) is null);
            Assert.Contains(part.Category, paths);
            Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(part.Attributes).RootElement.ValueKind);
            Assert.InRange(part.Fitments.Count, 1, 4);
            Assert.All(part.Fitments, f => Assert.Equal(part.Manufacturer, data.Variations[f.Variation].Model.Manufacturer));
            Assert.All(part.Fitments, f => Assert.True(CatalogInput.IsFitmentNote(f.Note)));
            Assert.Equal(part.Tags.Count, part.Tags.Distinct(StringComparer.Ordinal).Count());
        });
    }

    [Fact]
    public void An_alternative_is_an_earlier_part_of_the_same_category()
    {
        var seen = new Dictionary<(string, string), string>();

        foreach (var part in new CatalogDemoData(42).Parts(5_000))
        {
            if (part.Alternative is { } alternative)
            {
                Assert.Equal(part.Category, seen[(alternative.Manufacturer, alternative.PartNumber)]);
                Assert.Contains(alternative.Kind, new[] { PartAlternative.Oem, PartAlternative.Aftermarket, PartAlternative.Interchange });
            }

            seen[(part.Manufacturer, part.PartNumber)] = part.Category;
        }
    }

    private static string Fingerprint(CatalogDemoData data, int parts)
    {
        var text = new StringBuilder();
        foreach (var (model, variation) in data.Variations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{model.Manufacturer}|{model.Name}|{variation}");
        }

        foreach (var part in data.Parts(parts))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{part.Manufacturer}|{part.PartNumber}|{part.Name}|{part.Category}|{part.Description}|{part.Attributes}|" +
                $"{string.Join(',', part.Fitments)}|{string.Join(',', part.Tags)}|{part.Alternative}");
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
