using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Auth.Schema;

/// <summary>A single-use token for a purpose (email verification, password reset); only its SHA-256 is stored.</summary>
internal sealed class Verification : StrataEntity
{
    public string Purpose { get; set; } = string.Empty;

    /// <summary>What the token is for: a user's public id.</summary>
    public string Identifier { get; set; } = string.Empty;

    public string TokenHash { get; set; } = string.Empty;

    public DateTime ExpiresAt { get; set; }

    public DateTime? ConsumedAt { get; set; }
}

internal sealed class VerificationConfiguration : IEntityTypeConfiguration<Verification>
{
    public void Configure(EntityTypeBuilder<Verification> builder)
    {
        builder.ToTable("verifications");
        builder.Property(v => v.Purpose).HasMaxLength(64);
        builder.Property(v => v.Identifier).HasMaxLength(256);
        builder.Property(v => v.TokenHash).HasMaxLength(64);
        builder.HasIndex(v => v.TokenHash).IsUnique();
        builder.HasIndex(v => new { v.Purpose, v.Identifier });
    }
}
