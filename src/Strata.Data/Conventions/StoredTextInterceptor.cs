using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Strata.Data.Conventions;

/// <summary>
/// The last line of <see cref="TextInput"/>'s rule: no string column is saved with text that breaks it, whoever calls
/// the service (the API checks every request field first; the CLI and host applications reach services directly).
/// A refusal is a <see cref="Errors.ValidationError"/> naming the property, raised before any command is sent.
/// </summary>
internal sealed class StoredTextInterceptor : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string text && (entry.State == EntityState.Added || property.IsModified))
                {
                    TextInput.Check(text, JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name));
                }
            }
        }
    }
}
