using System.ComponentModel;
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
    // Parameter descriptions for the OpenAPI document.
    private const string PartIdDescription = "The part's public id.";
    private const string FileIdDescription = "The image's id, as `GET /catalog/parts/{id}/images` lists it.";

    public static IEndpointRouteBuilder MapPartImageEndpoints(this IEndpointRouteBuilder routes)
    {
        var catalog = routes.MapGroup("/catalog").WithTags("Catalog");
        catalog.MapGet("/parts/{id:guid}/images", ListImagesAsync).WithName("ListPartImages")
            .WithDescription("Lists a part's images, oldest first, with file name, content type, size and SHA-256; download one from `GET /catalog/parts/{id}/images/{fileId}`. " +
                "No session needed.")
            .WithSummary("A part's images.").ProducesProblem(StatusCodes.Status404NotFound);
        catalog.MapGet("/parts/{id:guid}/images/{fileId:guid}", DownloadImageAsync).WithName("DownloadPartImage")
            .WithDescription("Answers one image's bytes, with the content type sniffed at upload and the file name it was uploaded with. " +
                "No session needed; an image of another part answers 404.")
            .WithSummary("One image's bytes, with the content type sniffed at upload.")
            .Produces<Stream>(StatusCodes.Status200OK, PartImages.ImageTypes[0], [.. PartImages.ImageTypes.Skip(1)]).ProducesProblem(StatusCodes.Status404NotFound);

        var writes = routes.MapGroup("/catalog").WithTags("Catalog").RequirePermission(CatalogModule.CatalogWrite);
        writes.MapPost("/parts/{id:guid}/images", UploadImageAsync).WithName("UploadPartImage")
            .WithSummary("Uploads an image as the raw request body (?fileName=); JPEG, PNG, GIF or WebP judged from the bytes.")
            .WithDescription("Stores one image for the part, sent as the raw request body (not multipart), and answers its metadata (201). " +
                "The type is judged from the bytes, whatever the content type says: anything but JPEG, PNG, GIF or WebP answers 415 `catalog.unsupported_file_type`, " +
                "more than the configured limit (5 MiB by default) 413 `catalog.file_too_large`.")
            .Accepts<Stream>("application/octet-stream", [.. PartImages.ImageTypes])
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        writes.MapDelete("/parts/{id:guid}/images/{fileId:guid}", DeleteImageAsync).WithName("DeletePartImage")
            .WithDescription("Removes one image of the part, its metadata and its bytes; answers 204.")
            .WithSummary("Removes an image.").ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<FileDto>>> ListImagesAsync([Description(PartIdDescription)] Guid id, IPartImages images, CancellationToken cancellationToken) =>
        TypedResults.Ok(await images.ListAsync(id, cancellationToken));

    private static async Task<FileStreamHttpResult> DownloadImageAsync(
        [Description(PartIdDescription)] Guid id, [Description(FileIdDescription)] Guid fileId, IPartImages images, CancellationToken cancellationToken)
    {
        var (file, content) = await images.OpenAsync(id, fileId, cancellationToken);
        return TypedResults.File(content, file.ContentType, file.OriginalName);
    }

    private static async Task<Created<FileDto>> UploadImageAsync(
        [Description(PartIdDescription)] Guid id,
        [FromQuery, Description("The name to keep for the image (any directory part is dropped), 1 to 255 characters; `image` when absent.")] string? fileName,
        HttpContext http, IPartImages images, IOptions<FileStorageOptions> files, CancellationToken cancellationToken)
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

    private static async Task<NoContent> DeleteImageAsync(
        [Description(PartIdDescription)] Guid id, [Description(FileIdDescription)] Guid fileId, IPartImages images, CancellationToken cancellationToken)
    {
        await images.DeleteAsync(id, fileId, cancellationToken);
        return TypedResults.NoContent();
    }
}
