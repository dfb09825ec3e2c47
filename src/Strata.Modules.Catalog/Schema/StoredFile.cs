using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog.Schema;

/// <summary>
/// A stored file's metadata; the bytes live in <see cref="Services.IFileStorage"/> under <see cref="StorageKey"/>. The
/// owner is named by type and public id (a part today), so files can belong to anything without a foreign key per kind.
/// </summary>
internal sealed class StoredFile : StrataEntity
{
    /// <summary>The <see cref="OwnerType"/> of a part's images.</summary>
    public const string PartOwner = "part";

    public string StorageKey { get; set; } = string.Empty;

    public string OriginalName { get; set; } = string.Empty;

    /// <summary>The type sniffed from the bytes, never the one the client declared.</summary>
    public string ContentType { get; set; } = string.Empty;

    public long SizeBytes { get; set; }

    /// <summary>SHA-256 of the bytes, lower-case hex.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public string OwnerType { get; set; } = string.Empty;

    public Guid OwnerId { get; set; }

    /// <summary>The uploading user; null for the CLI.</summary>
    public Guid? CreatedBy { get; set; }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.ToTable("files", table => table.HasCheckConstraint("ck_files_size", "size_bytes >= 0"));
        builder.Property(f => f.StorageKey).HasMaxLength(128);
        builder.Property(f => f.OriginalName).HasMaxLength(255);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.OwnerType).HasMaxLength(32);
        builder.HasIndex(f => f.StorageKey).IsUnique();
        builder.HasIndex(f => new { f.OwnerType, f.OwnerId });
    }
}
