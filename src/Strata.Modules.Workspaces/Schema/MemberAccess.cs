using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Modules.Workspaces.Services;

namespace Strata.Modules.Workspaces.Schema;

/// <summary>
/// The membership table read without any filter, for SQLite's tenant filters: a filter on <see cref="Member"/> that
/// queried <see cref="Member"/> would filter itself. Mapped to a query, not a table, so migrations ignore it; SQLite only.
/// </summary>
internal sealed class MemberAccess
{
    public long WorkspaceId { get; set; }

    public Guid UserId { get; set; }

    public WorkspaceRole Role { get; set; }
}

internal sealed class MemberAccessConfiguration : IEntityTypeConfiguration<MemberAccess>
{
    public void Configure(EntityTypeBuilder<MemberAccess> builder)
    {
        builder.HasNoKey().ToSqlQuery("SELECT workspace_id, user_id, role FROM workspaces_members");
        builder.Property(a => a.WorkspaceId).HasColumnName("workspace_id");
        builder.Property(a => a.UserId).HasColumnName("user_id");
        builder.Property(a => a.Role).HasColumnName("role").HasConversion(WorkspaceRoles.Converter);
    }
}
