using Microsoft.EntityFrameworkCore;
using Strata.Data.Conventions;
using Strata.Data.Seeding;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Seed;

/// <summary>
/// Reference data: body styles, variation categories, colours, and real world manufacturer identifiers (WMI, ISO 3780 — public facts)
/// with their manufacturers, plus the Honda Accord of 2003–2007 (<c>1HGCM</c>) as a model-level prefix. Idempotent:
/// what exists is left as it is.
/// </summary>
internal sealed class CatalogReferenceSeeder(CatalogDbContext context) : ISeeder
{
    private static readonly string[] BodyStyles = ["Sedan", "Coupe", "Hatchback", "Estate", "Convertible", "SUV", "Pickup", "Van", "Minivan"];

    private static readonly string[] VariationCategories = ["Passenger car", "SUV", "Light commercial", "Heavy commercial", "Motorcycle", "Hybrid", "Electric"];

    private static readonly (string Name, string Hex)[] Colors =
    [
        ("Black", "#000000"), ("White", "#FFFFFF"), ("Silver", "#C0C0C0"), ("Grey", "#808080"),
        ("Red", "#FF0000"), ("Blue", "#0000FF"), ("Green", "#008000"), ("Yellow", "#FFFF00"),
    ];

    // WMI → maker and the country of the maker's seat. A maker builds under several WMIs (one per plant region).
    private static readonly (string Wmi, string Manufacturer, string Country)[] Wmis =
    [
        ("1HG", "Honda", "JP"), ("2HG", "Honda", "JP"), ("JHM", "Honda", "JP"),
        ("1FA", "Ford", "US"), ("1FM", "Ford", "US"), ("1FT", "Ford", "US"),
        ("1G1", "Chevrolet", "US"), ("1GC", "Chevrolet", "US"),
        ("4T1", "Toyota", "JP"), ("2T1", "Toyota", "JP"), ("JT2", "Toyota", "JP"), ("JTD", "Toyota", "JP"),
        ("JN1", "Nissan", "JP"), ("1N4", "Nissan", "JP"), ("5N1", "Nissan", "JP"),
        ("JF1", "Subaru", "JP"), ("JM1", "Mazda", "JP"), ("KMH", "Hyundai", "KR"), ("KNA", "Kia", "KR"),
        ("WBA", "BMW", "DE"), ("WDD", "Mercedes-Benz", "DE"), ("WVW", "Volkswagen", "DE"), ("3VW", "Volkswagen", "DE"),
        ("WAU", "Audi", "DE"), ("WP0", "Porsche", "DE"), ("W0L", "Opel", "DE"),
        ("VF1", "Renault", "FR"), ("VF3", "Peugeot", "FR"), ("VF7", "Citroën", "FR"),
        ("ZFA", "Fiat", "IT"), ("ZAR", "Alfa Romeo", "IT"), ("SAJ", "Jaguar", "GB"), ("SAL", "Land Rover", "GB"),
        ("SCC", "Lotus", "GB"), ("TMB", "Škoda", "CZ"), ("VSS", "SEAT", "ES"), ("YV1", "Volvo", "SE"), ("5YJ", "Tesla", "US"),
    ];

    /// <summary>The reference manufacturers' names, in a fixed order.</summary>
    public static IReadOnlyList<string> ManufacturerNames { get; } = [.. Wmis.Select(w => w.Manufacturer).Distinct()];

    public SeedKind Kind => SeedKind.Reference;

    public async Task SeedAsync(SeedContext seedContext, CancellationToken cancellationToken)
    {
        var bodyStyles = await context.BodyStyles.Select(b => b.NormalizedName).ToListAsync(cancellationToken);
        context.BodyStyles.AddRange(BodyStyles.Where(b => !bodyStyles.Contains(TextNormalization.Normalize(b))).Select(b => new BodyStyle { Name = b }));
        var variationCategories = await context.VariationCategories.Select(c => c.NormalizedName).ToListAsync(cancellationToken);
        context.VariationCategories.AddRange(VariationCategories.Where(c => !variationCategories.Contains(TextNormalization.Normalize(c)))
            .Select(c => new VariationCategory { Name = c }));
        var colors = await context.Colors.Select(c => c.NormalizedName).ToListAsync(cancellationToken);
        context.Colors.AddRange(Colors.Where(c => !colors.Contains(TextNormalization.Normalize(c.Name))).Select(c => new Color { Name = c.Name, Hex = c.Hex }));

        var manufacturers = await context.Manufacturers.ToDictionaryAsync(m => m.NormalizedName, cancellationToken);
        foreach (var (_, name, country) in Wmis.DistinctBy(w => w.Manufacturer))
        {
            if (!manufacturers.ContainsKey(TextNormalization.Normalize(name)))
            {
                manufacturers[TextNormalization.Normalize(name)] = context.Manufacturers.Add(new Manufacturer { Name = name, Country = country }).Entity;
            }
        }

        await context.SaveChangesAsync(cancellationToken);
        var prefixes = (await context.VinPrefixes.Select(p => p.Prefix).ToListAsync(cancellationToken)).ToHashSet();
        context.VinPrefixes.AddRange(Wmis.Where(w => !prefixes.Contains(w.Wmi))
            .Select(w => new VinPrefix { Prefix = w.Wmi, ManufacturerId = manufacturers[TextNormalization.Normalize(w.Manufacturer)].Id }));

        var honda = manufacturers[TextNormalization.Normalize("Honda")];
        var accord = await context.Models.FirstOrDefaultAsync(m => m.ManufacturerId == honda.Id && m.NormalizedName == "ACCORD", cancellationToken)
            ?? context.Models.Add(new VehicleModel { ManufacturerId = honda.Id, Name = "Accord" }).Entity;
        await context.SaveChangesAsync(cancellationToken);
        if (!prefixes.Contains("1HGCM"))
        {
            context.VinPrefixes.Add(new VinPrefix { Prefix = "1HGCM", ManufacturerId = honda.Id, ModelId = accord.Id, YearFrom = 2003, YearTo = 2007 });
        }

        await context.SaveChangesAsync(cancellationToken);
    }
}
