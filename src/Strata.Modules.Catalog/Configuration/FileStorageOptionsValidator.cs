using Microsoft.Extensions.Options;

namespace Strata.Modules.Catalog.Configuration;

/// <summary>Validates <see cref="FileStorageOptions"/> at start-up; every message names the setting to fix.</summary>
internal sealed class FileStorageOptionsValidator : IValidateOptions<FileStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, FileStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add($"{FileStorageOptions.SectionName}:Directory is required (the folder part images are kept in, e.g. files).");
        }

        if (options.MaxBytes <= 0)
        {
            failures.Add($"{FileStorageOptions.SectionName}:MaxBytes must be positive (the largest file accepted, in bytes).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
