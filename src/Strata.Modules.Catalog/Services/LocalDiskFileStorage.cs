using Microsoft.Extensions.Options;
using Strata.Modules.Catalog.Configuration;

namespace Strata.Modules.Catalog.Services;

/// <summary>
/// Files on the local disk, under <see cref="FileStorageOptions.Directory"/>, at <c>ab/cd/&lt;key&gt;</c> so no folder
/// grows huge. Keys are random (UUIDv7 hex): a client never chooses a path.
/// </summary>
internal sealed class LocalDiskFileStorage(IOptions<FileStorageOptions> options) : IFileStorage
{
    private string Root => Path.GetFullPath(options.Value.Directory);

    public async Task<string> SaveAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var key = Guid.CreateVersion7().ToString("N");
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content.ToArray(), cancellationToken);
        return key;
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        if (key.Length < 8 || !key.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a storage key.", nameof(key));
        }

        // The clock bits of a UUIDv7 lead; the random tail spreads files over folders.
        return Path.Combine(Root, key[^4..^2], key[^2..], key);
    }
}
