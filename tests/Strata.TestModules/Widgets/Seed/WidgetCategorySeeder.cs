using Strata.Data.Seeding;
using Strata.TestModules.Widgets.Repositories;
using Strata.TestModules.Widgets.Schema;

namespace Strata.TestModules.Widgets.Seed;

internal sealed class WidgetCategorySeeder(WidgetCategoryRepository categories) : ISeeder
{
    public static readonly string[] Names = ["Standard", "Premium", "Clearance"];

    public SeedKind Kind => SeedKind.Reference;

    public async Task SeedAsync(SeedContext context, CancellationToken cancellationToken)
    {
        foreach (var name in Names)
        {
            if (await categories.FindByNameAsync(name, cancellationToken) is null)
            {
                await categories.AddAsync(new WidgetCategory { Name = name }, cancellationToken);
            }
        }
    }
}
