using Strata.TestModules.Widgets.Repositories;
using Strata.TestModules.Widgets.Schema;
using Strata.Testing;

namespace Strata.Data.Tests;

/// <summary>Builders for the test modules' rows.</summary>
internal static class WidgetFactory
{
    public static async Task<WidgetCategory> CategoryAsync(this TestDatabase db)
    {
        var categories = db.Get<WidgetCategoryRepository>();
        return await categories.AddAsync(new WidgetCategory { Name = UniqueNames.Next("Category") });
    }

    public static async Task<Widget> WidgetAsync(this TestDatabase db, string? name = null, int quantity = 1, WidgetCategory? category = null)
    {
        category ??= await db.CategoryAsync();
        return await db.Get<WidgetRepository>().AddAsync(new Widget
        {
            Name = name ?? UniqueNames.Next("Widget"),
            Quantity = quantity,
            CategoryId = category.Id,
        });
    }
}
