using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Strata.Data.Errors;
using Strata.Data.Sessions;
using Strata.Modules.Catalog.Configuration;
using Strata.Modules.Catalog.Repositories;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Services;

/// <inheritdoc />
internal sealed class PartImages(
    DatabaseSession database, PartRepository parts, StoredFileRepository files, IFileStorage storage, IOptions<FileStorageOptions> options) : IPartImages
{
    private const string OwnerType = StoredFile.PartOwner;

    /// <summary>The content types a part image may have, judged from its bytes; the routes declare the same list.</summary>
    public static readonly IReadOnlyList<string> ImageTypes = [ContentSniffer.Jpeg, ContentSniffer.Png, ContentSniffer.Gif, ContentSniffer.Webp];

    public async Task<FileDto> AttachAsync(Guid partId, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        if (name.Length is 0 or > 255)
        {
            throw new ValidationError("catalog.invalid_file_name", "fileName", "The file name must be 1 to 255 characters.");
        }

        var bytes = await ReadBoundedAsync(content, options.Value.MaxBytes, cancellationToken);
        var type = ContentSniffer.Sniff(bytes.Span);
        if (type is null || !ImageTypes.Contains(type, StringComparer.Ordinal))
        {
            throw new UnsupportedMediaTypeError("catalog.unsupported_file_type", "A part image must be a JPEG, PNG, GIF or WebP file (judged from its bytes).");
        }

        await parts.GetByPublicIdAsync(partId, cancellationToken);
        var key = await storage.SaveAsync(bytes, cancellationToken);
        try
        {
            return await database.InTransactionAsync(async token =>
            {
                // Re-checked inside the unit: the part may have gone while the bytes were written.
                await parts.GetByPublicIdAsync(partId, token);
                var file = await files.AddAsync(new StoredFile
                {
                    StorageKey = key,
                    OriginalName = name,
                    ContentType = type,
                    SizeBytes = bytes.Length,
                    Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes.Span)),
                    OwnerType = OwnerType,
                    OwnerId = partId,
                    CreatedBy = database.Tenant.UserId,
                }, token);
                return ToDto(file);
            }, cancellationToken: cancellationToken);
        }
        catch
        {
            // No metadata, no bytes: an upload that did not commit leaves nothing behind.
            await storage.DeleteAsync(key, CancellationToken.None);
            throw;
        }
    }

    public async Task<IReadOnlyList<FileDto>> ListAsync(Guid partId, CancellationToken cancellationToken = default)
    {
        await parts.GetByPublicIdAsync(partId, cancellationToken);
        return [.. (await files.ListForOwnerAsync(OwnerType, partId, cancellationToken)).Select(ToDto)];
    }

    public async Task<(FileDto File, Stream Content)> OpenAsync(Guid partId, Guid fileId, CancellationToken cancellationToken = default)
    {
        var file = await files.FindForOwnerAsync(OwnerType, partId, fileId, cancellationToken) ?? throw NotFoundError.For("file", fileId);
        var content = await storage.OpenAsync(file.StorageKey, cancellationToken)
            ?? throw new NotFoundError("catalog.file_missing", "The file's bytes are missing from storage.");
        return (ToDto(file), content);
    }

    public async Task DeleteAsync(Guid partId, Guid fileId, CancellationToken cancellationToken = default)
    {
        var key = await database.InTransactionAsync(async token =>
        {
            var file = await files.FindForOwnerAsync(OwnerType, partId, fileId, token) ?? throw NotFoundError.For("file", fileId);
            await files.RemoveAsync(file, token);
            return file.StorageKey;
        }, cancellationToken: cancellationToken);
        await storage.DeleteAsync(key, cancellationToken);
    }

    private static FileDto ToDto(StoredFile file) => new(file.PublicId, file.OriginalName, file.ContentType, file.SizeBytes, file.Sha256, file.CreatedAt);

    /// <summary>Reads at most <paramref name="maxBytes"/>; one byte more means the file is too large.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadBoundedAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw new PayloadTooLargeError("catalog.file_too_large", $"Files are at most {maxBytes} bytes.");
            }
        }

        return buffer.ToArray();
    }
}
