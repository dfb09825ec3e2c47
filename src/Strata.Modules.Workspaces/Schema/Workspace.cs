using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;

namespace Strata.Modules.Workspaces.Schema;

/// <summary>A tenant: everything tenant-scoped in other modules belongs to one workspace.</summary>
internal sealed class Workspace : StrataEntity, ISoftDeletable, IVersioned
{
    private string _slug = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>The URL name, as entered or generated from the name.</summary>
    public string Slug
    {
        get => _slug;
        set
        {
            _slug = value;
            NormalizedSlug = TextNormalization.Normalize(value);
        }
    }

    public string NormalizedSlug { get; private set; } = string.Empty;

    /// <summary>Free-form settings, a JSON object.</summary>
    public string Metadata { get; set; } = "{}";

    /// <summary>
    /// The user who created it (auth's public id). Row-level security lets the creator see a workspace that has no
    /// members yet: the moment between inserting it and inserting its first owner, in one unit.
    /// </summary>
    public Guid CreatedBy { get; set; }

    /// <summary>Set when the last owner's account was deleted: the data stays, someone must be made owner.</summary>
    public DateTime? OwnerlessSince { get; set; }

    public DateTime? DeletedAt { get; set; }

    public uint Version { get; set; }
}

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public const int MaxSlugLength = 64;

    public void Configure(EntityTypeBuilder<Workspace> builder)
    {
        builder.ToTable("workspaces");
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.Property(w => w.Slug).HasMaxLength(MaxSlugLength);
        builder.Property(w => w.NormalizedSlug).HasMaxLength(MaxSlugLength);
        builder.HasIndex(w => w.NormalizedSlug).IsUnique().HasFilter("deleted_at IS NULL");
        builder.HasIndex(w => w.CreatedBy);
    }
}
