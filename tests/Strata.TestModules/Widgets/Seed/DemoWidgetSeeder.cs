using Bogus;
using Strata.Data.Seeding;
using Strata.TestModules.Widgets.Repositories;
using Strata.TestModules.Widgets.Schema;

namespace Strata.TestModules.Widgets.Seed;

/// <summary>Deterministic demo widgets: public ids and names derive from the seed, so a re-run updates nothing twice.</summary>
internal sealed class DemoWidgetSeeder(WidgetRepository widgets, WidgetCategoryRepository categories) : ISeeder
{
    public SeedKind Kind => SeedKind.Demo;

    public async Task SeedAsync(SeedContext context, CancellationToken cancellationToken)
    {
        var category = await categories.FindByNameAsync(WidgetCategorySeeder.Names[0], cancellationToken)
            ?? throw new InvalidOperationException("Reference categories must be seeded first.");
        var faker = new Faker { Random = new Randomizer(context.Seed) };
        for (var i = 0; i < context.Size; i++)
        {
            var publicId = faker.Random.Guid();
            var name = $"{faker.Commerce.ProductName()} {i:D4}";
            var quantity = faker.Random.Int(0, 500);
            if (await widgets.FindByPublicIdAsync(publicId, cancellationToken) is null)
            {
                await widgets.AddAsync(new Widget { PublicId = publicId, Name = name, Quantity = quantity, CategoryId = category.Id }, cancellationToken);
            }
        }
    }
}
