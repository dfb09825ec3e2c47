using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Auth.Schema;

/// <summary>A named set of permissions; a role inherits every permission of its parent chain.</summary>
internal sealed class Role : NamedEntity
{
    public string? Description { get; set; }

    public long? ParentRoleId { get; set; }

    public Role? ParentRole { get; set; }

    /// <summary>Seeded by the system; cannot be deleted.</summary>
    public bool IsSystem { get; set; }
}

internal sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> builder)
    {
        builder.ToTable("roles");
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.NormalizedName).HasMaxLength(100);
        builder.Property(r => r.Description).HasMaxLength(500);
        builder.HasIndex(r => r.NormalizedName).IsUnique();
        builder.HasOne(r => r.ParentRole).WithMany().HasForeignKey(r => r.ParentRoleId).OnDelete(DeleteBehavior.Restrict);
    }
}
