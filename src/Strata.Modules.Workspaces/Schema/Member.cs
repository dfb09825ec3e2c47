using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;
using Strata.Modules.Workspaces.Services;

namespace Strata.Modules.Workspaces.Schema;

/// <summary>A user's membership of a workspace. The user is auth's public id: another module, so no foreign key.</summary>
internal sealed class Member : StrataEntity
{
    public long WorkspaceId { get; set; }

    public Workspace? Workspace { get; set; }

    public Guid UserId { get; set; }

    public WorkspaceRole Role { get; set; }

    public DateTime JoinedAt { get; set; }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("members", table => table.HasCheckConstraint("ck_members_role", WorkspaceRoles.CheckSql("role")));
        builder.Property(m => m.Role).HasConversion(WorkspaceRoles.Converter).HasMaxLength(16);
        builder.HasIndex(m => new { m.WorkspaceId, m.UserId }).IsUnique();
        // Row-level security looks memberships up by user for every statement.
        builder.HasIndex(m => m.UserId);
        builder.HasOne(m => m.Workspace).WithMany().HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
