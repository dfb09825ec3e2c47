using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Schema;

/// <summary>One bulk import of parts: who ran it, from what, what it changed and refused, and how long it took.</summary>
internal sealed class ImportRun : StrataEntity
{
    public string SourceName { get; set; } = string.Empty;

    /// <summary><c>csv</c>, <c>jsonl</c> or <c>rows</c> (rows given by code).</summary>
    public string Format { get; set; } = string.Empty;

    public bool AllOrNothing { get; set; }

    /// <summary>One of <see cref="PartImportOutcomes"/>.</summary>
    public string Outcome { get; set; } = string.Empty;

    public long RowsRead { get; set; }

    public long Inserted { get; set; }

    public long Updated { get; set; }

    public long Unchanged { get; set; }

    public long Rejected { get; set; }

    /// <summary>The first 1 000 rejections as a JSON array of <see cref="PartImportRejection"/>.</summary>
    public string Rejections { get; set; } = "[]";

    /// <summary>The user who ran it; null for the CLI and seeders.</summary>
    public Guid? StartedBy { get; set; }

    public DateTime StartedAt { get; set; }

    public long DurationMs { get; set; }
}

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.ToTable("import_runs", table =>
        {
            table.HasCheckConstraint("ck_import_runs_outcome", "outcome IN ('completed', 'completed_with_rejections', 'refused')");
            table.HasCheckConstraint("ck_import_runs_format", "format IN ('csv', 'jsonl', 'rows')");
            table.HasCheckConstraint("ck_import_runs_counts",
                "rows_read >= 0 AND inserted >= 0 AND updated >= 0 AND unchanged >= 0 AND rejected >= 0");
        });
        builder.Property(r => r.SourceName).HasMaxLength(200);
        builder.Property(r => r.Format).HasMaxLength(8);
        builder.Property(r => r.Outcome).HasMaxLength(32);
        builder.HasIndex(r => r.CreatedAt);
    }
}
