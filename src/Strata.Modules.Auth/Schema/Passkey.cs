using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Auth.Schema;

/// <summary>
/// A WebAuthn credential registered to a user. The public key, attestation object and client data are kept as the
/// authenticator sent them: ASP.NET Core Identity's <c>UserPasskeyInfo</c> carries all three.
/// </summary>
internal sealed class Passkey : StrataEntity
{
    public long UserId { get; set; }

    public User? User { get; set; }

    /// <summary>The authenticator's credential id (at most 1,023 bytes by the WebAuthn specification).</summary>
    public byte[] CredentialId { get; set; } = [];

    /// <summary>The COSE-encoded public key.</summary>
    public byte[] PublicKey { get; set; } = [];

    /// <summary>The authenticator's signature counter; WebAuthn's is 32-bit unsigned, so it is kept in a bigint.</summary>
    public long SignCount { get; set; }

    public string[] Transports { get; set; } = [];

    public bool BackupEligible { get; set; }

    public bool BackedUp { get; set; }

    public bool UserVerified { get; set; }

    /// <summary>The authenticator model (all zeros for authenticators that do not say).</summary>
    public Guid? Aaguid { get; set; }

    public string Name { get; set; } = string.Empty;

    public byte[] AttestationObject { get; set; } = [];

    public byte[] ClientDataJson { get; set; } = [];

    public DateTime? LastUsedAt { get; set; }
}

internal sealed class PasskeyConfiguration : IEntityTypeConfiguration<Passkey>
{
    public const int MaxCredentialIdBytes = 1023;

    public void Configure(EntityTypeBuilder<Passkey> builder)
    {
        builder.ToTable("passkeys", table => table.HasCheckConstraint("ck_passkeys_sign_count", "sign_count >= 0 AND sign_count <= 4294967295"));
        builder.Property(p => p.CredentialId).HasMaxLength(MaxCredentialIdBytes);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasIndex(p => p.CredentialId).IsUnique();
        builder.HasIndex(p => p.UserId);
        builder.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
