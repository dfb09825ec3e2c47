using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Auth.Schema;

/// <summary>
/// A single-use token for a purpose (email verification, password reset, a passkey ceremony); only its SHA-256 is
/// stored. A passkey ceremony keeps the state Identity's handler needs to finish it in <see cref="Payload"/>.
/// </summary>
internal sealed class Verification : StrataEntity
{
    public string Purpose { get; set; } = string.Empty;

    /// <summary>What the token is for: a user's public id.</summary>
    public string Identifier { get; set; } = string.Empty;

    public string TokenHash { get; set; } = string.Empty;

    public DateTime ExpiresAt { get; set; }

    public DateTime? ConsumedAt { get; set; }

    /// <summary>State the purpose needs when the token comes back (a ceremony's challenge); never a secret.</summary>
    public string? Payload { get; set; }
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
