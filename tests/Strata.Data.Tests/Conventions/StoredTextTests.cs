using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Data.Errors;
using Strata.TestModules.Widgets.Repositories;
using Strata.TestModules.Widgets.Schema;
using Strata.Testing;

namespace Strata.Data.Tests.Conventions;

/// <summary>The save pipeline refuses text <see cref="TextInput"/> refuses, before any command, on both providers.</summary>
public sealed class StoredTextTests(DataTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Saving_a_nul_in_a_column_is_a_validation_error_naming_it(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var category = await db.CategoryAsync();

        var error = await Assert.ThrowsAsync<ValidationError>(() => db.Get<WidgetRepository>().AddAsync(
            new Widget { Name = UniqueNames.Next("Widget"), Description = "a\u0000b", CategoryId = category.Id }));

        Assert.Equal(TextInput.InvalidTextCode, error.Code);
        Assert.True(error.Errors.ContainsKey("description"));
    }

    [Theory, BothProviders]
    public async Task Updating_a_column_to_a_lone_surrogate_is_refused_and_the_row_keeps_its_value(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var widget = await db.WidgetAsync();
        widget.Description = "kept";
        await db.Get<WidgetRepository>().UpdateAsync(widget);

        widget.Description = "x\ud800";
        await Assert.ThrowsAsync<ValidationError>(() => db.Get<WidgetRepository>().UpdateAsync(widget));

        Assert.Equal("kept", await db.ScalarAsync<string>($"SELECT description FROM {db.Table("widgets", "widgets")} WHERE id = {widget.Id}"));
    }
}
