using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Auth.Schema;

/// <summary>
/// A way to sign in: a credential (password hash) or an external provider. OAuth tokens are stored encrypted with
/// ASP.NET Core Data Protection, whose key ring lives in <c>data_protection_keys</c>.
/// </summary>
internal sealed class Account : StrataEntity
{
    public const string CredentialProvider = "credential";

    public long UserId { get; set; }

    public User? User { get; set; }

    public string ProviderId { get; set; } = CredentialProvider;

    public string AccountId { get; set; } = string.Empty;

    public string Issuer { get; set; } = CredentialProvider;

    public string? PasswordHash { get; set; }

    public string? AccessTokenProtected { get; set; }

    public string? RefreshTokenProtected { get; set; }

    public string? IdTokenProtected { get; set; }

    public DateTime? AccessTokenExpiresAt { get; set; }

    public DateTime? RefreshTokenExpiresAt { get; set; }

    public string? Scope { get; set; }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts");
        builder.Property(a => a.ProviderId).HasMaxLength(64);
        builder.Property(a => a.AccountId).HasMaxLength(256);
        builder.Property(a => a.Issuer).HasMaxLength(256);
        builder.Property(a => a.PasswordHash).HasMaxLength(512);
        builder.Property(a => a.Scope).HasMaxLength(1024);
        builder.HasIndex(a => new { a.Issuer, a.AccountId }).IsUnique();
        builder.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
