using Microsoft.Extensions.Options;

namespace Strata.Modules.Catalog.Configuration;

/// <summary>Validates <see cref="CatalogImportOptions"/> at start-up; the message names the setting to fix.</summary>
internal sealed class CatalogImportOptionsValidator : IValidateOptions<CatalogImportOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ImportMaxBytes > 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{CatalogImportOptions.SectionName}:ImportMaxBytes must be positive (the largest import request body, in bytes; default 268435456).");
    }
}
