using System.ComponentModel.DataAnnotations;

namespace Strata.Modules.Catalog.Services;

/// <summary>
/// One part of an import, as read from the file: every field as text, checked by the importer. Fields are those of
/// the CSV header and the JSON lines keys (see docs/catalog.md).
/// </summary>
/// <param name="Line">The line of the file the row starts on (1 is a CSV file's header).</param>
/// <param name="Manufacturer">The maker: its name (case folded) or its public id.</param>
/// <param name="PartNumber">The maker's part number; with the maker, the key the import upserts by.</param>
/// <param name="Name">Display name.</param>
/// <param name="Category">The category: its path of names, root first, separated by <c> &gt; </c>, or its public id.</param>
/// <param name="Description">Description, or null.</param>
/// <param name="Attributes">Technical attributes as a JSON object, or null for none (<c>{}</c>).</param>
public sealed record PartImportRow(
    long Line, string? Manufacturer, string? PartNumber, string? Name, string? Category, string? Description = null, string? Attributes = null);

/// <summary>How an import treats bad rows, and what it is recorded as.</summary>
/// <param name="SourceName">What the rows came from (a file name), kept with the run; 1 to 200 characters.</param>
/// <param name="AllOrNothing">Import nothing when any row is rejected (the default imports the good rows).</param>
public sealed record PartImportOptions(string SourceName, bool AllOrNothing = false);

/// <summary>The import file formats.</summary>
public static class PartImportFormats
{
    /// <summary>CSV with a header row (RFC 4180), UTF-8.</summary>
    public const string Csv = "csv";

    /// <summary>JSON lines: one JSON object per line, UTF-8.</summary>
    public const string JsonLines = "jsonl";

    /// <summary>Not a file: rows given by code (<see cref="IPartImports.ImportRowsAsync"/>, the demo seeder).</summary>
    public const string Rows = "rows";
}

/// <summary>What became of an import.</summary>
public static class PartImportOutcomes
{
    /// <summary>Every row was imported.</summary>
    public const string Completed = "completed";

    /// <summary>The good rows were imported, the rejected ones not.</summary>
    public const string CompletedWithRejections = "completed_with_rejections";

    /// <summary>All-or-nothing and some row was rejected: nothing was imported.</summary>
    public const string Refused = "refused";
}

/// <summary>A row the import did not take, and why.</summary>
/// <param name="Line">Its line in the file.</param>
/// <param name="Field">The field at fault, or null when the row as a whole is (unreadable, a duplicate).</param>
/// <param name="Code">Stable code (<c>catalog.invalid_part_number</c>, <c>catalog.unknown_category</c>, …).</param>
/// <param name="Reason">What is wrong, in a sentence.</param>
public sealed record PartImportRejection(long Line, string? Field, string Code, string Reason);

/// <summary>How far an import has got, for progress bars.</summary>
/// <param name="RowsRead">Rows read so far.</param>
/// <param name="Stage"><c>reading</c> while rows stream in, then <c>merging</c> while they are written to the catalog.</param>
public sealed record PartImportProgress(long RowsRead, string Stage);

/// <summary>An import: what it read, what it changed and what it refused.</summary>
/// <param name="Id">The run's public id (<c>GET /catalog/import-runs/{id}</c>).</param>
/// <param name="SourceName">What the rows came from.</param>
/// <param name="Format"><c>csv</c>, <c>jsonl</c>, or <c>rows</c> for rows given by code (the demo seeder).</param>
/// <param name="AllOrNothing">Whether one rejected row refused the whole file.</param>
/// <param name="Outcome">What became of it.</param>
/// <param name="Rows">Rows read.</param>
/// <param name="Inserted">Parts added.</param>
/// <param name="Updated">Parts changed.</param>
/// <param name="Unchanged">Rows equal to the part already stored.</param>
/// <param name="Rejected">Rows refused (all of them are counted; <paramref name="Rejections"/> holds the first 1 000).</param>
/// <param name="Rejections">The first 1 000 rejected rows, by line.</param>
/// <param name="StartedBy">The user who ran it, or null (the CLI and seeders act as no user).</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="DurationMs">How long it took, in milliseconds.</param>
public sealed record PartImportRun(
    Guid Id, string SourceName, [property: AllowedValues(PartImportFormats.Csv, PartImportFormats.JsonLines, PartImportFormats.Rows)] string Format, bool AllOrNothing,
    [property: AllowedValues(PartImportOutcomes.Completed, PartImportOutcomes.CompletedWithRejections, PartImportOutcomes.Refused)] string Outcome,
    long Rows, long Inserted, long Updated, long Unchanged, long Rejected, IReadOnlyList<PartImportRejection> Rejections,
    Guid? StartedBy, DateTime StartedAt, long DurationMs);
