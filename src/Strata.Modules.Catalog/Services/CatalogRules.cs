using Strata.Data.Errors;

namespace Strata.Modules.Catalog.Services;

/// <summary>Checks and conflict translations the catalog's services share.</summary>
internal static class CatalogRules
{
    /// <summary>Refuses an empty or overlong name (400 <c>catalog.invalid_name</c> on <c>name</c>).</summary>
    public static void CheckName(string name, int maxLength = CatalogLimits.NameMaxLength)
    {
        if (!CatalogInput.IsName(name, maxLength))
        {
            throw new ValidationError("catalog.invalid_name", "name", CatalogInput.NameRule(maxLength));
        }
    }

    /// <summary>409 <c>catalog.has_children</c>: deleting <paramref name="what"/> would strand its live <paramref name="children"/>.</summary>
    public static ConflictError HasChildren(string what, string children) =>
        new("catalog.has_children", $"The {what} still has live {children}; delete them first.");

    /// <summary>Runs a save; a unique-name violation becomes 409 <c>catalog.name_taken</c> on <c>name</c>.</summary>
    public static async Task<T> SaveNamedAsync<T>(Func<Task<T>> save)
    {
        ArgumentNullException.ThrowIfNull(save);
        try
        {
            return await save();
        }
        catch (ConflictError conflict) when (conflict.Field is not null && conflict.Field.EndsWith("name", StringComparison.Ordinal))
        {
            throw new ConflictError("catalog.name_taken", "Another record here already has this name.", "name", conflict);
        }
    }

    /// <inheritdoc cref="SaveNamedAsync{T}"/>
    public static Task SaveNamedAsync(Func<Task> save)
    {
        ArgumentNullException.ThrowIfNull(save);
        return SaveNamedAsync(async () =>
        {
            await save();
            return true;
        });
    }
}
