using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;
using Strata.Modules.Auth.Services;

namespace Strata.Modules.Auth.Schema;

internal sealed class User : StrataEntity, ISoftDeletable, IVersioned
{
    private string _email = string.Empty;

    public string Email
    {
        get => _email;
        set
        {
            _email = value.Trim();
            NormalizedEmail = TextNormalization.Normalize(value);
        }
    }

    public string NormalizedEmail { get; private set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public bool EmailVerified { get; set; }

    public string? Image { get; set; }

    public bool TwoFactorEnabled { get; set; }

    /// <summary>
    /// Changes whenever credentials change; sessions and tokens issued before are void. Required, not initialised:
    /// an initialiser would run for every user EF materialises (a random GUID and a string per row read).
    /// </summary>
    public required string SecurityStamp { get; set; }

    public int FailedSignInCount { get; set; }

    public DateTime? LockoutEnd { get; set; }

    public DateTime? DeletedAt { get; set; }

    public uint Version { get; set; }

    /// <summary>A fresh security stamp, for a new user or a credential change.</summary>
    public static string NewSecurityStamp() => Guid.NewGuid().ToString("N");
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.Email).HasMaxLength(EmailAddresses.MaxLength);
        builder.Property(u => u.NormalizedEmail).HasMaxLength(EmailAddresses.MaxLength);
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.Image).HasMaxLength(2048);
        builder.Property(u => u.SecurityStamp).HasMaxLength(64);
        builder.HasIndex(u => u.NormalizedEmail).IsUnique().HasFilter("deleted_at IS NULL");
    }
}
