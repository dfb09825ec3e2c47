using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Auth.Schema;

/// <summary>A permission key declared by a module (<c>catalog.write</c>).</summary>
internal sealed class Permission : StrataEntity
{
    public string Key { get; set; } = string.Empty;

    /// <summary>The module that declared the key.</summary>
    public string Module { get; set; } = string.Empty;
}

internal sealed class PermissionConfiguration : IEntityTypeConfiguration<Permission>
{
    public void Configure(EntityTypeBuilder<Permission> builder)
    {
        builder.ToTable("permissions");
        builder.Property(p => p.Key).HasMaxLength(100);
        builder.Property(p => p.Module).HasMaxLength(64);
        builder.HasIndex(p => p.Key).IsUnique();
    }
}
