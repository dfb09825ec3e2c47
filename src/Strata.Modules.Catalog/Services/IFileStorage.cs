namespace Strata.Modules.Catalog.Services;

/// <summary>Where file bytes live; metadata stays in the <c>files</c> table. The default is the local disk.</summary>
public interface IFileStorage
{
    /// <summary>Stores <paramref name="content"/> under a new key and answers the key.</summary>
    Task<string> SaveAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Opens the bytes stored under <paramref name="key"/>; null when there are none.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes the bytes under <paramref name="key"/>, if any.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}
