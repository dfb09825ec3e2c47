using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Strata.CommandLine;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Commands;

/// <summary>
/// <c>strata catalog import FILE [--format csv|jsonl] [--all-or-nothing]</c>: the bulk import of <c>POST /catalog/import</c>
/// from a file of any size, with a progress bar (rows and rows/s), the run's counts and its first rejected rows. Exit code
/// 0 when every row was imported, 1 when rows were rejected or the file refused.
/// </summary>
internal static class CatalogImportCommand
{
    private const int RejectionsShown = 20;

    public static Command Create(CommandRunner cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "A CSV file with a header row (.csv) or JSON lines (.jsonl, .ndjson)." };
        var format = new Option<string?>("--format") { Description = "csv or jsonl; by default the file's extension decides." };
        format.AcceptOnlyFromAmong(PartImportFormats.Csv, PartImportFormats.JsonLines);
        var allOrNothing = new Option<bool>("--all-or-nothing") { Description = "Import nothing when any row is rejected." };
        var command = new Command("import", "Import parts from CSV or JSON lines, upserted by manufacturer and part number.") { file, format, allOrNothing };
        command.Validators.Add(result =>
        {
            if (result.GetValue(file) is { } path && result.GetValue(format) is null && FormatOf(path) is null)
            {
                result.AddError($"Cannot tell the format of '{path.Name}' from its extension: pass --format csv or --format jsonl.");
            }
        });
        cli.SetAction(command, async (parse, services, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!path.Exists)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]No file {path.FullName}.[/]");
                return ExitCodes.Failure;
            }

            await using var scope = services.CreateAsyncScope();
            var imports = scope.ServiceProvider.GetRequiredService<IPartImports>();
            await using var content = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
            var run = await ImportWithProgressAsync(imports, content, parse.GetValue(format) ?? FormatOf(path)!, new PartImportOptions(path.Name, parse.GetValue(allOrNothing)), cancellationToken);
            Report(run);
            return run.Outcome == PartImportOutcomes.Completed ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    private static Task<PartImportRun> ImportWithProgressAsync(
        IPartImports imports, FileStream content, string format, PartImportOptions options, CancellationToken cancellationToken) =>
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("Reading", maxValue: Math.Max(content.Length, 1));
                var watch = Stopwatch.StartNew();
                var run = await imports.ImportAsync(content, format, options, new Reporter(update =>
                {
                    task.Value = update.Stage == "merging" ? task.MaxValue : content.Position;
                    var rate = update.RowsRead / Math.Max(watch.Elapsed.TotalSeconds, 0.001);
                    task.Description = string.Create(CultureInfo.InvariantCulture,
                        $"{(update.Stage == "merging" ? "Merging" : "Reading")} {update.RowsRead:N0} rows ({rate:N0} rows/s)");
                }), cancellationToken);
                task.Value = task.MaxValue;
                return run;
            });

    private static void Report(PartImportRun run)
    {
        var rate = run.Rows / Math.Max(run.DurationMs / 1000.0, 0.001);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Import {run.Id} of {run.SourceName}: [bold]{run.Outcome}[/] — {run.Rows:N0} rows in {run.DurationMs:N0} ms ({rate:N0} rows/s).");
        var counts = new Table().AddColumns("inserted", "updated", "unchanged", "rejected");
        counts.AddRow(Count(run.Inserted), Count(run.Updated), Count(run.Unchanged), Count(run.Rejected));
        AnsiConsole.Write(counts);
        if (run.Rejections.Count == 0)
        {
            return;
        }

        var rejections = new Table().AddColumns("line", "field", "code", "reason");
        foreach (var rejection in run.Rejections.Take(RejectionsShown))
        {
            rejections.AddRow(
                Markup.Escape(rejection.Line.ToString(CultureInfo.InvariantCulture)), Markup.Escape(rejection.Field ?? "-"), Markup.Escape(rejection.Code), Markup.Escape(rejection.Reason));
        }

        AnsiConsole.Write(rejections);
        if (run.Rejected > RejectionsShown)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"… {run.Rejected - RejectionsShown:N0} more; the first {run.Rejections.Count:N0} are kept with the run (GET /catalog/import-runs/{run.Id}).");
        }
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string? FormatOf(FileInfo file) => file.Extension.ToUpperInvariant() switch
    {
        ".CSV" => PartImportFormats.Csv,
        ".JSONL" or ".NDJSON" => PartImportFormats.JsonLines,
        _ => null,
    };

    // Progress<T> posts to the thread pool; the bar is updated in place, as the import reports.
    private sealed class Reporter(Action<PartImportProgress> report) : IProgress<PartImportProgress>
    {
        public void Report(PartImportProgress value) => report(value);
    }
}
