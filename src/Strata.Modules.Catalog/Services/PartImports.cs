using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Strata.Data.Conventions;
using Strata.Data.Errors;
using Strata.Data.Repositories;
using Strata.Data.Sessions;
using Strata.Modules.Catalog.Repositories;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Services;

/// <inheritdoc />
internal sealed class PartImports(DatabaseSession database, PartImportRepository staging, ImportRunRepository runs, TimeProvider clock) : IPartImports
{
    /// <summary>How many rejections a run keeps with their reasons; all are counted.</summary>
    public const int ReportedRejections = 1_000;

    private const int ProgressEvery = 10_000;

    public Task<PartImportRun> ImportAsync(
        Stream content, string format, PartImportOptions options, IProgress<PartImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var rows = format switch
        {
            PartImportFormats.Csv => PartImportReader.ReadCsvAsync(content, cancellationToken),
            PartImportFormats.JsonLines => PartImportReader.ReadJsonLinesAsync(content, cancellationToken),
            _ => throw new ValidationError("catalog.invalid_import_format", "format", CatalogInput.ImportFormatRule),
        };
        return RunAsync(rows, format, options, progress, cancellationToken);
    }

    public Task<PartImportRun> ImportRowsAsync(
        IAsyncEnumerable<PartImportRow> rows, PartImportOptions options, IProgress<PartImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return RunAsync(AsRead(rows, cancellationToken), PartImportFormats.Rows, options, progress, cancellationToken);

        static async IAsyncEnumerable<ReadRow> AsRead(IAsyncEnumerable<PartImportRow> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                yield return new(row, null);
            }
        }
    }

    public async Task<KeysetPage<PartImportRun>> ListRunsAsync(KeysetRequest page, CancellationToken cancellationToken = default) =>
        (await runs.KeysetPageAsync(page, cancellationToken: cancellationToken)).Map(ToDto);

    public async Task<PartImportRun> GetRunAsync(Guid runId, CancellationToken cancellationToken = default) =>
        ToDto(await runs.GetByPublicIdAsync(runId, cancellationToken));

    private async Task<PartImportRun> RunAsync(
        IAsyncEnumerable<ReadRow> rows, string format, PartImportOptions options, IProgress<PartImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!CatalogInput.IsImportSourceName(options.SourceName))
        {
            throw new ValidationError("catalog.invalid_source_name", "sourceName", CatalogInput.ImportSourceNameRule);
        }

        var startedAt = clock.GetUtcNow().UtcDateTime;
        var watch = Stopwatch.StartNew();
        // Once: the rows are read as they arrive (an upload), so the unit cannot be replayed after a transient failure.
        var run = await database.InTransactionAsync(async token =>
        {
            using var unlimited = await staging.WithoutTimeoutsAsync(token);
            var references = await staging.LoadReferencesAsync(token);
            var rejections = new List<PartImportRejection>();
            long read = 0, rejected = 0;
            await using (var stage = await staging.OpenStageAsync(token))
            {
                await foreach (var (row, refusal) in rows.WithCancellation(token))
                {
                    read++;
                    if ((refusal ?? Check(row!, read, references, stage.Values)) is { } rejection)
                    {
                        if (rejected++ < ReportedRejections)
                        {
                            rejections.Add(rejection);
                        }
                    }
                    else
                    {
                        await stage.WriteRowAsync(token);
                    }

                    if (read % ProgressEvery == 0)
                    {
                        progress?.Report(new(read, "reading"));
                    }
                }

                await stage.CompleteAsync(token);
            }

            progress?.Report(new(read, "merging"));
            var (duplicates, duplicateCount) = await staging.RemoveDuplicatesAsync(ReportedRejections, token);
            rejected += duplicateCount;
            rejections = [.. rejections.Concat(duplicates.Select(d => new PartImportRejection(
                    d.Line, null, "catalog.duplicate_row", $"Line {d.Original} has the same manufacturer and part number; the first line of a part is imported.")))
                .OrderBy(r => r.Line).Take(ReportedRejections)];
            var refused = options.AllOrNothing && rejected > 0;
            var (inserted, updated) = (0L, 0L);
            if (refused)
            {
                await staging.DropStageAsync(token);
            }
            else
            {
                (inserted, updated) = await staging.MergeAsync(clock.GetUtcNow().UtcDateTime, token);
            }

            var outcome = refused ? PartImportOutcomes.Refused : rejected > 0 ? PartImportOutcomes.CompletedWithRejections : PartImportOutcomes.Completed;
            var unchanged = refused ? 0 : read - rejected - inserted - updated;
            return await runs.AddAsync(new ImportRun
            {
                SourceName = options.SourceName.Trim(), Format = format, AllOrNothing = options.AllOrNothing, Outcome = outcome,
                RowsRead = read, Inserted = inserted, Updated = updated, Unchanged = unchanged, Rejected = rejected,
                Rejections = JsonSerializer.Serialize(rejections, JsonOptions), StartedBy = database.Tenant.UserId, StartedAt = startedAt,
                DurationMs = watch.ElapsedMilliseconds,
            }, token);
        }, TransactionOptions.Once, cancellationToken);
        return ToDto(run);
    }

    /// <summary>
    /// Why <paramref name="row"/> cannot be imported, or null after writing its staging values into
    /// <paramref name="values"/> (in <see cref="PartImportRepository.OpenStageAsync"/>'s order). The rules are the
    /// ones a part written through the API meets (<see cref="CatalogInput"/>); the first field at fault is reported.
    /// </summary>
    private static PartImportRejection? Check(PartImportRow row, long ordinal, ImportReferences references, object?[] values)
    {
        PartImportRejection Refuse(string field, string code, string reason) => new(row.Line, field, code, reason);

        if (!Resolve(row.Manufacturer, references.ManufacturersByName, references.ManufacturersById, TextNormalization.Normalize, out var manufacturerId))
        {
            return Refuse("manufacturer", "catalog.unknown_manufacturer", "No live manufacturer has this name or id.");
        }

        // Checked as stored: trimmed.
        var partNumber = row.PartNumber?.Trim();
        if (TextProblem(partNumber) is { } numberText)
        {
            return Refuse("partNumber", TextInput.InvalidTextCode, "The part number " + numberText + ".");
        }

        if (!CatalogInput.IsPartNumber(partNumber))
        {
            return Refuse("partNumber", "catalog.invalid_part_number", CatalogInput.PartNumberRule);
        }

        if (TextProblem(row.Name) is { } nameText)
        {
            return Refuse("name", TextInput.InvalidTextCode, "The name " + nameText + ".");
        }

        if (!CatalogInput.IsName(row.Name, CatalogLimits.PartNameMaxLength))
        {
            return Refuse("name", "catalog.invalid_name", CatalogInput.NameRule(CatalogLimits.PartNameMaxLength));
        }

        if (!Resolve(row.Category, references.CategoriesByPath, references.CategoriesById, NormalizeCategoryPath, out var categoryId))
        {
            return Refuse("category", "catalog.unknown_category",
                $"No category has this id or path (names from the root, separated by '{ImportReferences.PathSeparator}'), or the path names more than one: use the id.");
        }

        var description = string.IsNullOrWhiteSpace(row.Description) ? null : row.Description.Trim();
        if (TextProblem(description) is { } descriptionText)
        {
            return Refuse("description", TextInput.InvalidTextCode, "The description " + descriptionText + ".");
        }

        if (!CatalogInput.IsDescription(description))
        {
            return Refuse("description", "catalog.invalid_description", CatalogInput.DescriptionRule);
        }

        string attributes;
        try
        {
            attributes = string.IsNullOrWhiteSpace(row.Attributes) ? "{}" : ParseAttributes(row.Attributes);
        }
        catch (ValidationError error)
        {
            return Refuse("attributes", error.Code, error.Message);
        }

        values[0] = row.Line;
        values[1] = manufacturerId;
        values[2] = partNumber;
        values[3] = PartNumbers.Normalize(partNumber!);
        values[4] = row.Name!.Trim();
        values[5] = categoryId;
        values[6] = description;
        values[7] = attributes;
        values[8] = Guid.CreateVersion7();
        values[9] = ordinal;
        return null;
    }

    private static string ParseAttributes(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            throw new ValidationError("catalog.invalid_attributes", "attributes", "'attributes' must be a JSON object.");
        }

        using (document)
        {
            return JsonObjectText.From(document.RootElement, "catalog.invalid_attributes", "attributes");
        }
    }

    private static bool Resolve(
        string? reference, IReadOnlyDictionary<string, long> byName, IReadOnlyDictionary<Guid, long> byId, Func<string, string> normalize, out long id)
    {
        id = 0;
        return reference is not null && TextProblem(reference) is null &&
            (Guid.TryParse(reference, out var publicId) ? byId.TryGetValue(publicId, out id) : byName.TryGetValue(normalize(reference), out id));
    }

    private static string NormalizeCategoryPath(string path) =>
        string.Join(ImportReferences.PathSeparator, path.Split('>', StringSplitOptions.TrimEntries).Select(TextNormalization.Normalize));

    private static string? TextProblem(string? value) => value is null ? null : TextInput.Problem(value);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static PartImportRun ToDto(ImportRun run) => new(
        run.PublicId, run.SourceName, run.Format, run.AllOrNothing, run.Outcome, run.RowsRead, run.Inserted, run.Updated, run.Unchanged, run.Rejected,
        JsonSerializer.Deserialize<List<PartImportRejection>>(run.Rejections, JsonOptions) ?? [], run.StartedBy, run.StartedAt, run.DurationMs);
}
