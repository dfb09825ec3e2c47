using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Strata.Data.Errors;
using Strata.Data.Repositories;
using Strata.Modules.Auth.Endpoints;
using Strata.Modules.Catalog.Configuration;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Endpoints;

/// <summary>Bulk import of parts and its record (<c>catalog.write</c>).</summary>
internal static class PartImportEndpoints
{
    /// <summary>The partial mode: good rows are imported, bad ones reported.</summary>
    public const string PartialMode = "partial";

    /// <summary>The all-or-nothing mode: one bad row refuses the file.</summary>
    public const string AllOrNothingMode = "all-or-nothing";

    // Content types that mean a format when ?format= is absent.
    private static readonly Dictionary<string, string> FormatsByContentType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text/csv"] = PartImportFormats.Csv,
        ["application/x-ndjson"] = PartImportFormats.JsonLines,
        ["application/jsonl"] = PartImportFormats.JsonLines,
        ["application/jsonlines"] = PartImportFormats.JsonLines,
    };

    public static IEndpointRouteBuilder MapPartImportEndpoints(this IEndpointRouteBuilder routes)
    {
        var imports = routes.MapGroup("/catalog").WithTags("Catalog").RequirePermission(CatalogModule.CatalogWrite);
        imports.MapPost("/import", ImportAsync).WithName("ImportParts")
            .WithSummary("Imports parts from CSV or JSON lines, upserted by manufacturer and part number; answers the run with counts and rejected lines.")
            .WithDescription("Reads the raw request body (not multipart) as CSV with a header row (`text/csv`) or JSON lines (`application/x-ndjson`), or as `?format=` says, " +
                "and upserts every good row by (manufacturer, part number compared without case and separators): new parts are added, changed ones updated, " +
                "equal ones left alone, so importing the same file twice changes nothing the second time. " +
                "Fields: `manufacturer` (name or id), `partNumber`, `name`, `category` (id, or the path of names from the root joined with ` > `), " +
                "and optionally `description` and `attributes` (a JSON object). " +
                "Answers the run (also kept for `GET /catalog/import-runs/{id}`): rows read, inserted, updated, unchanged and rejected, and the first 1 000 rejected rows " +
                "with line, field, code and reason. `mode=all-or-nothing` imports nothing when any row is rejected (outcome `refused`). " +
                "A file that cannot be read as a whole (not UTF-8, a CSV header without `manufacturer`, `partNumber`, `name` and `category` or with unknown fields, broken quoting) " +
                "answers 400 `catalog.invalid_import_file` and changes nothing; a body over the configured limit (256 MiB by default) 413, " +
                "another content type without `?format=` 415 `catalog.unsupported_import_type`.")
            .Accepts<Stream>("text/csv", "application/x-ndjson", "application/jsonl")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        imports.MapGet("/import-runs", ListRunsAsync).WithName("ListImportRuns")
            .WithSummary("Part imports, newest first, keyset paged.")
            .WithDescription("Lists the part imports, newest first, each with its source, mode, outcome, counts, duration, who ran it and its first rejected rows. " +
                "Pass a page's `nextCursor` as `cursor` for the next.");
        imports.MapGet("/import-runs/{id:guid}", GetRunAsync).WithName("GetImportRun")
            .WithSummary("One part import.")
            .WithDescription("Answers one import run; an unknown id answers 404 `import_run.not_found`.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Ok<PartImportRun>> ImportAsync(
        [AsParameters] PartImportQuery query, HttpContext http, IPartImports imports, IOptions<CatalogImportOptions> settings, CancellationToken cancellationToken)
    {
        if (query.Mode is not (null or PartialMode or AllOrNothingMode))
        {
            throw new ValidationError("catalog.invalid_import_mode", "mode", "The mode is partial (import the good rows) or all-or-nothing.");
        }

        var format = query.Format ?? FormatOf(http.Request.ContentType);
        var limit = settings.Value.ImportMaxBytes;
        if (http.Request.ContentLength > limit)
        {
            throw new PayloadTooLargeError("catalog.import_too_large", $"An import is at most {limit} bytes; import a larger file with `strata catalog import`.");
        }

        // The API's general body limit is far below an import's: this route streams up to its own.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limit;
        }

        var options = new PartImportOptions(query.SourceName ?? "upload", string.Equals(query.Mode, AllOrNothingMode, StringComparison.Ordinal));
        return TypedResults.Ok(await imports.ImportAsync(http.Request.Body, format, options, cancellationToken: cancellationToken));
    }

    private static async Task<Ok<KeysetPage<PartImportRun>>> ListRunsAsync([AsParameters] CatalogPageQuery query, IPartImports imports, CancellationToken cancellationToken) =>
        TypedResults.Ok(await imports.ListRunsAsync(new KeysetRequest(query.Limit ?? KeysetRequest.DefaultLimit, query.Cursor), cancellationToken));

    private static async Task<Ok<PartImportRun>> GetRunAsync([Description("The import run's public id.")] Guid id, IPartImports imports, CancellationToken cancellationToken) =>
        TypedResults.Ok(await imports.GetRunAsync(id, cancellationToken));

    private static string FormatOf(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.Value is { } type && FormatsByContentType.TryGetValue(type, out var format)
            ? format
            : throw new UnsupportedMediaTypeError("catalog.unsupported_import_type",
                "Send CSV as text/csv or JSON lines as application/x-ndjson, or name the format with ?format=csv or ?format=jsonl.");
}

/// <summary>How <c>POST /catalog/import</c> reads its body.</summary>
/// <param name="Format"><c>csv</c> or <c>jsonl</c>; when absent, the content type decides (<c>text/csv</c>, <c>application/x-ndjson</c>).</param>
/// <param name="Mode"><c>partial</c> (the default) imports the good rows; <c>all-or-nothing</c> imports nothing when any row is rejected.</param>
/// <param name="SourceName">What the rows came from (a file name), kept with the run; 1 to 200 characters, <c>upload</c> when absent.</param>
public sealed record PartImportQuery(
    [property: AllowedValues(PartImportFormats.Csv, PartImportFormats.JsonLines)] string? Format = null,
    [property: AllowedValues(PartImportEndpoints.PartialMode, PartImportEndpoints.AllOrNothingMode)] string? Mode = null,
    string? SourceName = null);
