using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Catalog.Schema;

/// <summary>A part: a maker's part number, its canonical name and category, and free-form attributes.</summary>
internal sealed class Part : StrataEntity, ISoftDeletable, IVersioned
{
    private string _partNumber = string.Empty;

    public long ManufacturerId { get; set; }

    public Manufacturer? Manufacturer { get; set; }

    /// <summary>The number as the maker prints it.</summary>
    public string PartNumber
    {
        get => _partNumber;
        set
        {
            _partNumber = value.Trim();
            NormalizedPartNumber = PartNumbers.Normalize(_partNumber);
        }
    }

    /// <summary>Upper-case, without white space, dots, slashes and hyphens: how part numbers are compared.</summary>
    public string NormalizedPartNumber { get; private set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public long? PartNameId { get; set; }

    public PartName? PartName { get; set; }

    public long CategoryId { get; set; }

    public PartCategory? Category { get; set; }

    public string? Description { get; set; }

    /// <summary>A JSON object of technical attributes (dimensions, material, …).</summary>
    public string Attributes { get; set; } = "{}";

    public DateTime? DeletedAt { get; set; }

    public uint Version { get; set; }
}

internal sealed class PartConfiguration : IEntityTypeConfiguration<Part>
{
    public void Configure(EntityTypeBuilder<Part> builder)
    {
        builder.ToTable("parts");
        builder.Property(p => p.PartNumber).HasMaxLength(64);
        builder.Property(p => p.NormalizedPartNumber).HasMaxLength(64);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(4000);
        builder.HasIndex(p => new { p.ManufacturerId, p.NormalizedPartNumber }).IsUnique().HasFilter("deleted_at IS NULL");
        builder.HasIndex(p => p.CategoryId);
        // The list's keyset order (name, then public id) among live parts: a page costs the same at any depth.
        builder.HasIndex(p => new { p.Name, p.PublicId }).HasFilter("deleted_at IS NULL");
        builder.HasOne(p => p.Manufacturer).WithMany().HasForeignKey(p => p.ManufacturerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.PartName).WithMany().HasForeignKey(p => p.PartNameId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>How part numbers are compared.</summary>
internal static class PartNumbers
{
    public static string Normalize(string partNumber) =>
        new([.. partNumber.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '.' or '/')).Select(char.ToUpperInvariant)]);
}
