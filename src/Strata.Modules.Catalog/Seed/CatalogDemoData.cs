using System.Globalization;
using Bogus;
using Strata.Modules.Catalog.Schema;
using static Strata.Modules.Catalog.Seed.CatalogDemoVocabulary;

namespace Strata.Modules.Catalog.Seed;

/// <summary>A variation of a demo model; with its model, (year from, trim, engine) is what identifies it.</summary>
internal sealed record DemoVariation(int YearFrom, int? YearTo, string Trim, string Engine, string BodyStyle);

/// <summary>A demo model line of a reference manufacturer with its variations.</summary>
internal sealed record DemoModel(string Manufacturer, string Name, IReadOnlyList<DemoVariation> Variations);

/// <summary>A part fits a variation (an index into <see cref="CatalogDemoData.Variations"/>), under the part's category.</summary>
internal sealed record DemoFitment(int Variation, string? Note);

/// <summary>Another, earlier part that replaces this one, by natural key, and how (<see cref="PartAlternative.Kind"/>).</summary>
internal sealed record DemoAlternative(string Manufacturer, string PartNumber, string Kind);

/// <summary>A demo part with its relations, every one by natural key.</summary>
internal sealed record DemoPart(
    long Index, string Manufacturer, string PartNumber, string Name, string Category, string Description, string Attributes,
    IReadOnlyList<DemoFitment> Fitments, IReadOnlyList<string> Tags, DemoAlternative? Alternative);

/// <summary>
/// What the demo catalog is, for a seed: pure and deterministic — every choice comes from Bogus randomizers seeded
/// from the seed (never the clock, never Guid or hash order), so the same seed gives the same models and the same
/// stream of parts on every machine and provider. Parts stream (<see cref="Parts"/>): a million are never held.
/// The writing is <see cref="CatalogDemoSeeder"/>'s.
/// </summary>
internal sealed class CatalogDemoData
{
    /// <summary>Separator of a category path, as the part import reads it.</summary>
    public const string PathSeparator = " > ";

    private const string Letters = "ABCDEFGHJKLMNPRSTUVWXYZ";

    // A fixed "now" for model years, not the clock: the data must not change with the date it is seeded on.
    private const int LastModelYear = 2025;

    private readonly int _seed;
    private readonly IReadOnlyList<Category> _leaves = [.. Categories.Where(c => c.Leaf)];
    private readonly int[][] _variationsByMaker;

    public CatalogDemoData(int seed)
    {
        _seed = seed;
        var random = new Randomizer(seed);
        Models = [.. Makers.SelectMany(maker => maker.Models.Select(model => new DemoModel(maker.Manufacturer, model.Name, NewVariations(random, maker.Manufacturer, model.BodyStyle))))];
        Variations = [.. Models.SelectMany(m => m.Variations.Select(v => (m, v)))];
        _variationsByMaker = [.. Makers.Select(maker => Enumerable.Range(0, Variations.Count).Where(i => Variations[i].Model.Manufacturer == maker.Manufacturer).ToArray())];
    }

    /// <summary>The models of every reference manufacturer.</summary>
    public IReadOnlyList<DemoModel> Models { get; }

    /// <summary>Every variation with its model, in a fixed order (what <see cref="DemoFitment.Variation"/> indexes).</summary>
    public IReadOnlyList<(DemoModel Model, DemoVariation Variation)> Variations { get; }

    /// <summary>The category tree, parents first, as paths joined by <see cref="PathSeparator"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> CategoryPaths { get; } = [.. Categories.Select(c => c.Path)];

    /// <summary>The tags parts carry.</summary>
    public static IReadOnlyList<string> TagNames => Tags;

    /// <summary>
    /// The first <paramref name="count"/> parts, in order; a part's alternative is always an earlier part. Part numbers
    /// are unique per maker after normalization: each carries the maker's running count between fixed-width fields.
    /// </summary>
    public IEnumerable<DemoPart> Parts(long count)
    {
        // Its own randomizer: the parts stream does not shift when the models change, nor the other way round.
        var random = new Randomizer(unchecked((_seed * 397) ^ 0x5EED));
        var counters = new long[Makers.Length];
        var lastInLeaf = new (string Manufacturer, string PartNumber)?[_leaves.Count];
        for (long index = 0; index < count; index++)
        {
            var maker = random.Number(0, Makers.Length - 1);
            var leafIndex = random.Number(0, _leaves.Count - 1);
            var leaf = _leaves[leafIndex];
            var manufacturer = Makers[maker].Manufacturer;
            var number = PartNumber(Makers[maker].Style, leafIndex, ++counters[maker], random);
            var variant = random.Number(0, 99) < 70 ? leaf.Variants[random.Number(0, leaf.Variants.Count - 1)] : null;
            var name = string.Join(", ", new[] { leaf.Component, leaf.Position?.ToLowerInvariant(), variant }.Where(p => p is not null));

            var fitments = new List<DemoFitment>();
            var candidates = _variationsByMaker[maker];
            var wanted = Math.Min(random.Number(1, 4), candidates.Length);
            while (fitments.Count < wanted)
            {
                var variation = candidates[random.Number(0, candidates.Length - 1)];
                if (fitments.All(f => f.Variation != variation))
                {
                    fitments.Add(new DemoFitment(variation, random.Number(0, 99) < 15 ? Note(random) : null));
                }
            }

            var tagCount = random.Number(0, 99) switch { < 40 => 0, < 75 => 1, < 95 => 2, _ => 3 };
            var tags = new List<string>();
            while (tags.Count < tagCount)
            {
                var tag = random.ArrayElement(Tags);
                if (!tags.Contains(tag))
                {
                    tags.Add(tag);
                }
            }

            DemoAlternative? alternative = null;
            if (lastInLeaf[leafIndex] is { } previous && random.Number(0, 99) < 30)
            {
                alternative = new DemoAlternative(previous.Manufacturer, previous.PartNumber,
                    previous.Manufacturer == manufacturer ? PartAlternative.Interchange : random.Number(0, 1) == 0 ? PartAlternative.Oem : PartAlternative.Aftermarket);
            }

            lastInLeaf[leafIndex] = (manufacturer, number);
            var description = Description(random, leaf, manufacturer, variant, fitments);
            var attributes = string.Create(CultureInfo.InvariantCulture,
                $"{{\"variant\":{(variant is null ? "null" : $"\"{variant}\"")},\"weight_g\":{random.Number(20, 25_000)},\"warranty_months\":{12 * random.Number(1, 3)}}}");
            yield return new DemoPart(index, manufacturer, number, name, string.Join(PathSeparator, leaf.Path), description, attributes, fitments, tags, alternative);
        }
    }

    private static DemoVariation[] NewVariations(Randomizer random, string manufacturer, string bodyStyle)
    {
        var electric = manufacturer == "Tesla";
        var generations = random.Number(2, 3);
        var year = random.Number(1998, 2008);
        var variations = new List<DemoVariation>();
        for (var generation = 0; generation < generations && year <= LastModelYear; generation++)
        {
            var span = random.Number(5, 8);
            var last = year + span - 1 > LastModelYear ? (int?)null : year + span - 1;
            // Two or three trims of each generation; (year, trim, engine) is unique within the model.
            foreach (var trim in random.Shuffle(Trims).Take(random.Number(2, 3)))
            {
                variations.Add(new DemoVariation(year, last, trim, random.ArrayElement(electric ? ElectricDrives : CombustionEngines), bodyStyle));
            }

            year += span;
        }

        return [.. variations];
    }

    private static string Note(Randomizer random)
    {
        var note = random.ArrayElement(FitmentNotes);
        return note == "From chassis number" ? string.Create(CultureInfo.InvariantCulture, $"{note} {random.Number(100_000, 999_999)}") : note;
    }

    private string Description(Randomizer random, Category leaf, string manufacturer, string? variant, List<DemoFitment> fitments)
    {
        var what = leaf.Position is null ? leaf.Component! : $"{leaf.Component} ({leaf.Position.ToLowerInvariant()})";
        var fits = string.Join(", ", fitments.Select(f => Variations[f.Variation]).Select(v =>
            string.Create(CultureInfo.InvariantCulture, $"{v.Model.Name} {v.Variation.Trim} {v.Variation.Engine} ({v.Variation.YearFrom}–{v.Variation.YearTo?.ToString(CultureInfo.InvariantCulture) ?? "today"})")));
        var first = random.Number(0, Features.Length - 1);
        // A second feature, never the first again: skip over it.
        var other = random.Number(0, Features.Length - 2);
        var second = random.Number(0, 1) == 0 ? " " + Features[other >= first ? other + 1 : other] : string.Empty;
        return $"{what}{(variant is null ? string.Empty : ", " + variant)}, for {manufacturer} vehicles. {Features[first]}{second} Fits {fits}.";
    }

    private static string PartNumber(NumberStyle style, int leaf, long k, Randomizer random)
    {
        char Letter() => Letters[random.Number(0, Letters.Length - 1)];
        var inv = CultureInfo.InvariantCulture;
        return style switch
        {
            NumberStyle.Japanese => string.Create(inv, $"{10_000 + (leaf * 97 % 90_000):D5}-{k:D5}"),
            NumberStyle.Vag => string.Create(inv, $"{random.Number(1, 8)}{Letter()}{random.Number(0, 9)} {100 + (leaf % 900):D3} {k:D3}"),
            NumberStyle.Bmw => string.Create(inv, $"{11 + (leaf % 89):D2} {random.Number(10, 99):D2} ") + (k < 10_000_000
                ? string.Create(inv, $"{k / 1_000_000} {k / 1_000 % 1_000:D3} {k % 1_000:D3}")
                : k.ToString(inv)),
            NumberStyle.Mercedes => string.Create(inv, $"A{100 + (leaf % 900):D3} {random.Number(100, 999):D3} {k:D2} {random.Number(10, 99):D2}"),
            NumberStyle.Ford => string.Create(inv, $"{Letter()}{Letter()}{random.Number(10, 99):D2}-{1_000 + (leaf % 9_000):D4}{k:D2}-{Letter()}{Letter()}"),
            NumberStyle.Gm => string.Create(inv, $"{10 + (leaf % 90):D2}{k:D6}"),
            NumberStyle.Psa => string.Create(inv, $"{1_000 + (leaf % 9_000):D4}.{k:D2}"),
            NumberStyle.Renault => string.Create(inv, $"77{leaf % 100:D2}{k:D6}"),
            NumberStyle.Fiat => string.Create(inv, $"5{leaf % 100:D2}{k:D5}"),
            NumberStyle.British => string.Create(inv, $"{Letter()}{Letter()}{random.Number(0, 9)}{k:D5}"),
            NumberStyle.Volvo => string.Create(inv, $"3{leaf % 100:D2}{k:D5}"),
            NumberStyle.Tesla => string.Create(inv, $"{1_000 + (leaf % 9_000):D4}{k:D3}-{random.Number(0, 99):D2}-{Letter()}"),
            _ => throw new ArgumentOutOfRangeException(nameof(style), style, null),
        };
    }
}
