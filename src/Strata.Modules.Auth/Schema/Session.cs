using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Auth.Schema;

/// <summary>A signed-in session. Only the SHA-256 of its token is stored; the token itself is shown once.</summary>
internal sealed class Session : StrataEntity
{
    public long UserId { get; set; }

    public User? User { get; set; }

    public string TokenHash { get; set; } = string.Empty;

    public DateTime ExpiresAt { get; set; }

    /// <summary>When the session was last renewed by use (renewal happens at most once a day).</summary>
    public DateTime LastUsedAt { get; set; }

    public string? Ip { get; set; }

    public string? UserAgent { get; set; }

    public DateTime? RevokedAt { get; set; }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("sessions");
        builder.Property(s => s.TokenHash).HasMaxLength(64);
        builder.Property(s => s.Ip).HasMaxLength(64);
        builder.Property(s => s.UserAgent).HasMaxLength(512);
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
