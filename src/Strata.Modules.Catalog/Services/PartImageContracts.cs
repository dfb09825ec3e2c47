namespace Strata.Modules.Catalog.Services;

/// <summary>A stored file's metadata.</summary>
/// <param name="Id">Public id.</param>
/// <param name="OriginalName">The name it was uploaded with.</param>
/// <param name="ContentType">The type sniffed from its bytes.</param>
/// <param name="SizeBytes">Size.</param>
/// <param name="Sha256">SHA-256 of the bytes, hex.</param>
/// <param name="CreatedAt">When it was stored.</param>
public sealed record FileDto(Guid Id, string OriginalName, string ContentType, long SizeBytes, string Sha256, DateTime CreatedAt);
