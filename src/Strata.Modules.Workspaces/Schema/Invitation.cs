using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;
using Strata.Modules.Auth.Services;
using Strata.Modules.Workspaces.Services;

namespace Strata.Modules.Workspaces.Schema;

/// <summary>An invitation to join a workspace. Only the SHA-256 of its token is stored; the token is shown once.</summary>
internal sealed class Invitation : StrataEntity
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Revoked = "revoked";
    public const string Expired = "expired";

    private string _email = string.Empty;

    public long WorkspaceId { get; set; }

    public Workspace? Workspace { get; set; }

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

    public WorkspaceRole Role { get; set; }

    public string TokenHash { get; set; } = string.Empty;

    public string Status { get; set; } = Pending;

    public DateTime ExpiresAt { get; set; }

    public Guid InvitedBy { get; set; }

    public Guid? AcceptedBy { get; set; }

    public DateTime? AcceptedAt { get; set; }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("invitations", table =>
        {
            table.HasCheckConstraint("ck_invitations_role", WorkspaceRoles.CheckSql("role"));
            table.HasCheckConstraint("ck_invitations_status", "status IN ('pending', 'accepted', 'revoked', 'expired')");
        });
        builder.Property(i => i.Email).HasMaxLength(EmailAddresses.MaxLength);
        builder.Property(i => i.NormalizedEmail).HasMaxLength(EmailAddresses.MaxLength);
        builder.Property(i => i.Role).HasConversion(WorkspaceRoles.Converter).HasMaxLength(16);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.Status).HasMaxLength(16);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        // At most one pending invitation per address and workspace: re-inviting replaces it.
        builder.HasIndex(i => new { i.WorkspaceId, i.NormalizedEmail }).IsUnique().HasFilter("status = 'pending'");
        builder.HasOne(i => i.Workspace).WithMany().HasForeignKey(i => i.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
