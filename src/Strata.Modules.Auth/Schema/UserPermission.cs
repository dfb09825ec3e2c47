using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Strata.Modules.Auth.Schema;

internal sealed class UserPermission
{
    public long UserId { get; set; }

    public long PermissionId { get; set; }
}

internal sealed class UserPermissionConfiguration : IEntityTypeConfiguration<UserPermission>
{
    public void Configure(EntityTypeBuilder<UserPermission> builder)
    {
        builder.ToTable("user_permissions");
        builder.HasKey(up => new { up.UserId, up.PermissionId });
        builder.HasIndex(up => up.PermissionId);
        builder.HasOne<User>().WithMany().HasForeignKey(up => up.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Permission>().WithMany().HasForeignKey(up => up.PermissionId).OnDelete(DeleteBehavior.Cascade);
    }
}
