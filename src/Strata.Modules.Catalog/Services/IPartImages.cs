namespace Strata.Modules.Catalog.Services;

/// <summary>Images of parts, stored through <see cref="IFileStorage"/> with their metadata in <c>files</c>.</summary>
public interface IPartImages
{
    /// <summary>
    /// Stores an image for a part. The type comes from the bytes (JPEG, PNG, GIF or WebP; else 415
    /// <c>catalog.unsupported_file_type</c>); over <see cref="Configuration.FileStorageOptions.MaxBytes"/> is 413 <c>catalog.file_too_large</c>.
    /// </summary>
    Task<FileDto> AttachAsync(Guid partId, string fileName, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The part's images, oldest first.</summary>
    Task<IReadOnlyList<FileDto>> ListAsync(Guid partId, CancellationToken cancellationToken = default);

    /// <summary>One image's metadata and bytes; 404 when the part has no such image.</summary>
    Task<(FileDto File, Stream Content)> OpenAsync(Guid partId, Guid fileId, CancellationToken cancellationToken = default);

    /// <summary>Removes one image, metadata and bytes.</summary>
    Task DeleteAsync(Guid partId, Guid fileId, CancellationToken cancellationToken = default);
}
