using Strata.Data.Repositories;

namespace Strata.Modules.Catalog.Services;

/// <summary>
/// Bulk import of parts, upserted by (manufacturer, normalized part number): rows stream through a staging table
/// (PostgreSQL binary COPY, SQLite prepared inserts) into one set-based upsert that changes only rows whose content
/// differs, so importing the same file twice changes nothing the second time. Each import is recorded once as a
/// <see cref="PartImportRun"/>.
/// </summary>
public interface IPartImports
{
    /// <summary>
    /// Imports a CSV (<see cref="PartImportFormats.Csv"/>) or JSON lines (<see cref="PartImportFormats.JsonLines"/>)
    /// stream, read once, front to back, without holding it.
    /// </summary>
    Task<PartImportRun> ImportAsync(
        Stream content, string format, PartImportOptions options, IProgress<PartImportProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Imports rows made by code (the demo seeder), through the same checks and bulk path.</summary>
    Task<PartImportRun> ImportRowsAsync(
        IAsyncEnumerable<PartImportRow> rows, PartImportOptions options, IProgress<PartImportProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Import runs, newest first, keyset paged.</summary>
    Task<KeysetPage<PartImportRun>> ListRunsAsync(KeysetRequest page, CancellationToken cancellationToken = default);

    /// <summary>One import run; 404 <c>import_run.not_found</c> when there is none.</summary>
    Task<PartImportRun> GetRunAsync(Guid runId, CancellationToken cancellationToken = default);
}
