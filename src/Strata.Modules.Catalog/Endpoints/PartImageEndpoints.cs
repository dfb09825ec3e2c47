using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Strata.Data.Errors;
using Strata.Modules.Auth.Endpoints;
using Strata.Modules.Catalog.Configuration;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Endpoints;

/// <summary>
/// The part image routes of the Catalog contract: list and download public, upload and delete need <c>catalog.write</c>.
/// </summary>
internal static class PartImageEndpoints
{
    public static IEndpointRouteBuilder MapPartImageEndpoints(this IEndpointRouteBuilder routes)
    {
        var catalog = routes.MapGroup("/catalog").WithTags("Catalog");
        catalog.MapGet("/parts/{id:guid}/images", ListImagesAsync).WithName("ListPartImages")
            .WithSummary("A part's images.").ProducesProblem(StatusCodes.Status404NotFound);
        catalog.MapGet("/parts/{id:guid}/images/{fileId:guid}", DownloadImageAsync).WithName("DownloadPartImage")
            .WithSummary("One image's bytes, with the content type sniffed at upload.").ProducesProblem(StatusCodes.Status404NotFound);

        var writes = routes.MapGroup("/catalog").WithTags("Catalog").RequirePermission(CatalogModule.CatalogWrite);
        writes.MapPost("/parts/{id:guid}/images", UploadImageAsync).WithName("UploadPartImage")
            .WithSummary("Uploads an image as the raw request body (?fileName=); JPEG, PNG, GIF or WebP judged from the bytes.")
            .Accepts<Stream>("application/octet-stream", "image/jpeg", "image/png", "image/gif", "image/webp")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        writes.MapDelete("/parts/{id:guid}/images/{fileId:guid}", DeleteImageAsync).WithName("DeletePartImage")
            .WithSummary("Removes an image.").ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<FileDto>>> ListImagesAsync(Guid id, IPartImages images, CancellationToken cancellationToken) =>
        TypedResults.Ok(await images.ListAsync(id, cancellationToken));

    private static async Task<FileStreamHttpResult> DownloadImageAsync(Guid id, Guid fileId, IPartImages images, CancellationToken cancellationToken)
    {
        var (file, content) = await images.OpenAsync(id, fileId, cancellationToken);
        return TypedResults.File(content, file.ContentType, file.OriginalName);
    }

    private static async Task<Created<FileDto>> UploadImageAsync(
        Guid id, [FromQuery] string? fileName, HttpContext http, IPartImages images, IOptions<FileStorageOptions> files, CancellationToken cancellationToken)
    {
        var limit = files.Value.MaxBytes;
        if (http.Request.ContentLength > limit)
        {
            throw new PayloadTooLargeError("catalog.file_too_large", $"Files are at most {limit} bytes.");
        }

        // The API's general body limit is smaller than a file may be; this route reads at most the file limit plus one byte.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limit + 1;
        }

        var file = await images.AttachAsync(id, fileName ?? "image", http.Request.Body, cancellationToken);
        return TypedResults.Created($"/catalog/parts/{id}/images/{file.Id}", file);
    }

    private static async Task<NoContent> DeleteImageAsync(Guid id, Guid fileId, IPartImages images, CancellationToken cancellationToken)
    {
        await images.DeleteAsync(id, fileId, cancellationToken);
        return TypedResults.NoContent();
    }
}
