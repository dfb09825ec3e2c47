namespace Strata.Modules.Catalog.Configuration;

/// <summary>Settings under <c>Strata:Catalog:Files</c>.</summary>
public sealed class FileStorageOptions
{
    /// <summary>Configuration section holding these settings.</summary>
    public const string SectionName = "Strata:Catalog:Files";

    /// <summary>Folder of the local-disk storage (created when missing); relative paths start at the working directory.</summary>
    public string Directory { get; set; } = "files";

    /// <summary>Largest file accepted, in bytes.</summary>
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;
}
