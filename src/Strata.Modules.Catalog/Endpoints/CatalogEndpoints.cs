using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Strata.AspNetCore.Routing;
using Strata.AspNetCore.Validation;
using Strata.Data.Errors;
using Strata.Data.Repositories;
using Strata.Modules.Auth.Endpoints;
using Strata.Modules.Catalog;
using Strata.Modules.Catalog.Configuration;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Endpoints;

/// <summary>
/// The Catalog routes of the API contract — vehicle hierarchy, VIN decoding, categories, parts — reads public,
/// writes need <c>catalog.write</c>. (Part search and import come with the next catalog issue.)
/// </summary>
internal static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder routes)
    {
        var catalog = routes.MapGroup("/catalog").WithTags("Catalog");
        catalog.MapGet("/manufacturers", ListManufacturersAsync).WithName("ListManufacturers")
            .WithSummary("Manufacturers by name, keyset paged; ?search= matches part of the name.").ProducesProblem(StatusCodes.Status400BadRequest);
        catalog.MapGet("/manufacturers/{id:guid}/models", ListModelsAsync).WithName("ListModels")
            .WithSummary("A manufacturer's models by name, keyset paged.").ProducesProblem(StatusCodes.Status404NotFound);
        catalog.MapGet("/models/{id:guid}/variations", ListVariationsAsync).WithName("ListVariations")
            .WithSummary("A model's variations by first model year, keyset paged.").ProducesProblem(StatusCodes.Status404NotFound);
        catalog.MapGet("/vin/{vin}", DecodeVinAsync).WithName("DecodeVin")
            .WithSummary("Decodes a VIN: manufacturer, model, variation and model year.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        catalog.MapGet("/categories", CategoryTreeAsync).WithName("CategoryTree").WithSummary("The part category tree.");
        catalog.MapGet("/parts/{id:guid}", GetPartAsync).WithName("GetPart")
            .WithSummary("A part with its category path, tags, alternatives (both directions) and compatible variations.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        catalog.MapGet("/parts/{id:guid}/images", ListImagesAsync).WithName("ListPartImages")
            .WithSummary("A part's images.").ProducesProblem(StatusCodes.Status404NotFound);
        catalog.MapGet("/parts/{id:guid}/images/{fileId:guid}", DownloadImageAsync).WithName("DownloadPartImage")
            .WithSummary("One image's bytes, with the content type sniffed at upload.").ProducesProblem(StatusCodes.Status404NotFound);

        var writes = routes.MapGroup("/catalog").WithTags("Catalog").RequirePermission(CatalogModule.CatalogWrite);
        writes.MapPost("/manufacturers", CreateManufacturerAsync).WithValidation<ManufacturerRequest>()
            .WithName("CreateManufacturer").WithSummary("Adds a manufacturer.").ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPatch("/manufacturers/{id:guid}", UpdateManufacturerAsync).WithValidation<ManufacturerRequest>()
            .WithName("UpdateManufacturer").WithSummary("Changes a manufacturer's name and country.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapDelete("/manufacturers/{id:guid}", DeleteManufacturerAsync).WithName("DeleteManufacturer")
            .WithSummary("Deletes a manufacturer that has no live models.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPost("/models", CreateModelAsync).WithValidation<CreateModelRequest>()
            .WithName("CreateModel").WithSummary("Adds a model to a manufacturer.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPatch("/models/{id:guid}", RenameModelAsync).WithValidation<RenameModelRequest>()
            .WithName("RenameModel").WithSummary("Renames a model.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapDelete("/models/{id:guid}", DeleteModelAsync).WithName("DeleteModel")
            .WithSummary("Deletes a model that has no live variations.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPost("/variations", CreateVariationAsync).WithValidation<VariationRequest>()
            .WithName("CreateVariation").WithSummary("Adds a variation to a model.").ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPatch("/variations/{id:guid}", UpdateVariationAsync).WithValidation<VariationRequest>()
            .WithName("UpdateVariation").WithSummary("Changes a variation.").ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapDelete("/variations/{id:guid}", DeleteVariationAsync).WithName("DeleteVariation")
            .WithSummary("Deletes a variation.").ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPost("/vin-prefixes", AddVinPrefixAsync).WithValidation<VinPrefixRequest>().WithName("AddVinPrefix")
            .WithSummary("Adds a VIN prefix naming a manufacturer, and optionally a model or variation, for a span of model years.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapDelete("/vin-prefixes/{id:guid}", DeleteVinPrefixAsync).WithName("DeleteVinPrefix")
            .WithSummary("Removes a VIN prefix.").ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPost("/categories", CreateCategoryAsync).WithValidation<CategoryRequest>().WithName("CreateCategory")
            .WithSummary("Adds a category (a root, or under parentId).").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPatch("/categories/{id:guid}", RenameCategoryAsync).WithValidation<CategoryRequest>().WithName("RenameCategory")
            .WithSummary("Renames a category.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapDelete("/categories/{id:guid}", DeleteCategoryAsync).WithName("DeleteCategory")
            .WithSummary("Deletes an unused category.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPost("/parts", CreatePartAsync).WithValidation<PartRequest>().WithName("CreatePart")
            .WithSummary("Adds a part.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPatch("/parts/{id:guid}", UpdatePartAsync).WithValidation<PartRequest>().WithName("UpdatePart")
            .WithSummary("Changes a part.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapDelete("/parts/{id:guid}", DeletePartAsync).WithName("DeletePart")
            .WithSummary("Deletes a part (soft).").ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPost("/parts/{id:guid}/alternatives", AddAlternativeAsync).WithValidation<AlternativeRequest>().WithName("AddAlternative")
            .WithSummary("Records that another part replaces this one (kind: oem, aftermarket, interchange).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPut("/parts/{id:guid}/tags", SetTagsAsync).WithValidation<TagsRequest>().WithName("SetPartTags")
            .WithSummary("Replaces a part's tags.").ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPost("/parts/{id:guid}/fitments", AddFitmentAsync).WithValidation<FitmentRequest>().WithName("AddFitment")
            .WithSummary("Records that the part fits a variation, under a category.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPost("/parts/{id:guid}/images", UploadImageAsync).WithName("UploadPartImage")
            .WithSummary("Uploads an image as the raw request body (?fileName=); JPEG, PNG, GIF or WebP judged from the bytes.")
            .Accepts<Stream>("application/octet-stream", "image/jpeg", "image/png", "image/gif", "image/webp")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        writes.MapDelete("/parts/{id:guid}/images/{fileId:guid}", DeleteImageAsync).WithName("DeletePartImage")
            .WithSummary("Removes an image.").ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static KeysetRequest Page(CatalogPageQuery query) => new(query.Limit ?? 20, query.Cursor);

    private static async Task<Ok<KeysetPage<ManufacturerDto>>> ListManufacturersAsync([AsParameters] CatalogPageQuery query, IManufacturerCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.ListManufacturersAsync(Page(query), query.Search, cancellationToken));

    private static async Task<Ok<KeysetPage<VehicleModelDto>>> ListModelsAsync(Guid id, [AsParameters] CatalogPageQuery query, IVehicleModelCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.ListModelsAsync(id, Page(query), cancellationToken));

    private static async Task<Ok<KeysetPage<ModelVariationDto>>> ListVariationsAsync(Guid id, [AsParameters] CatalogPageQuery query, IModelVariationCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.ListVariationsAsync(id, Page(query), cancellationToken));

    private static async Task<Ok<VinDecoding>> DecodeVinAsync(string vin, IVinDecoder decoder, CancellationToken cancellationToken) =>
        TypedResults.Ok(await decoder.DecodeAsync(vin, cancellationToken));

    private static async Task<Created<ManufacturerDto>> CreateManufacturerAsync(ManufacturerRequest request, IManufacturerCatalog catalog, CancellationToken cancellationToken)
    {
        var manufacturer = await catalog.CreateManufacturerAsync(new ManufacturerInput(request.Name, request.Country), cancellationToken);
        return TypedResults.Created($"/catalog/manufacturers/{manufacturer.Id}", manufacturer);
    }

    private static async Task<Ok<ManufacturerDto>> UpdateManufacturerAsync(Guid id, ManufacturerRequest request, IManufacturerCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.UpdateManufacturerAsync(id, new ManufacturerInput(request.Name, request.Country), cancellationToken));

    private static async Task<NoContent> DeleteManufacturerAsync(Guid id, IManufacturerCatalog catalog, CancellationToken cancellationToken)
    {
        await catalog.DeleteManufacturerAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<VehicleModelDto>> CreateModelAsync(CreateModelRequest request, IVehicleModelCatalog catalog, CancellationToken cancellationToken)
    {
        var model = await catalog.CreateModelAsync(request.ManufacturerId, request.Name, cancellationToken);
        return TypedResults.Created($"/catalog/models/{model.Id}", model);
    }

    private static async Task<Ok<VehicleModelDto>> RenameModelAsync(Guid id, RenameModelRequest request, IVehicleModelCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.UpdateModelAsync(id, request.Name, cancellationToken));

    private static async Task<NoContent> DeleteModelAsync(Guid id, IVehicleModelCatalog catalog, CancellationToken cancellationToken)
    {
        await catalog.DeleteModelAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<ModelVariationDto>> CreateVariationAsync(VariationRequest request, IModelVariationCatalog catalog, CancellationToken cancellationToken)
    {
        var modelId = request.ModelId ?? throw new ValidationError("catalog.model_required", "modelId", "A new variation needs its modelId.");
        var variation = await catalog.CreateVariationAsync(modelId, Input(request), cancellationToken);
        return TypedResults.Created($"/catalog/variations/{variation.Id}", variation);
    }

    private static async Task<Ok<ModelVariationDto>> UpdateVariationAsync(Guid id, VariationRequest request, IModelVariationCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.UpdateVariationAsync(id, Input(request), cancellationToken));

    private static async Task<NoContent> DeleteVariationAsync(Guid id, IModelVariationCatalog catalog, CancellationToken cancellationToken)
    {
        await catalog.DeleteVariationAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static VariationInput Input(VariationRequest request) =>
        new(request.YearFrom, request.YearTo, request.Trim, request.Engine, request.BodyStyle, request.Categories);

    private static async Task<Ok<IReadOnlyList<CategoryNode>>> CategoryTreeAsync(IPartCatalog parts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await parts.GetCategoryTreeAsync(cancellationToken));

    private static async Task<Ok<PartDetail>> GetPartAsync(Guid id, IPartCatalog parts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await parts.GetPartAsync(id, cancellationToken));

    private static async Task<Created<CategoryDto>> CreateCategoryAsync(CategoryRequest request, IPartCatalog parts, CancellationToken cancellationToken)
    {
        var category = await parts.CreateCategoryAsync(request.Name, request.ParentId, cancellationToken);
        return TypedResults.Created("/catalog/categories", category);
    }

    private static async Task<Ok<CategoryDto>> RenameCategoryAsync(Guid id, CategoryRequest request, IPartCatalog parts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await parts.RenameCategoryAsync(id, request.Name, cancellationToken));

    private static async Task<NoContent> DeleteCategoryAsync(Guid id, IPartCatalog parts, CancellationToken cancellationToken)
    {
        await parts.DeleteCategoryAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<PartDetail>> CreatePartAsync(PartRequest request, IPartCatalog parts, CancellationToken cancellationToken)
    {
        var part = await parts.CreatePartAsync(Input(request), cancellationToken);
        return TypedResults.Created($"/catalog/parts/{part.Id}", part);
    }

    private static async Task<Ok<PartDetail>> UpdatePartAsync(Guid id, PartRequest request, IPartCatalog parts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await parts.UpdatePartAsync(id, Input(request), cancellationToken));

    private static async Task<NoContent> DeletePartAsync(Guid id, IPartCatalog parts, CancellationToken cancellationToken)
    {
        await parts.DeletePartAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PartDetail>> AddAlternativeAsync(Guid id, AlternativeRequest request, IPartCatalog parts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await parts.AddAlternativeAsync(id, request.AlternativePartId, request.Kind ?? "interchange", cancellationToken));

    private static async Task<Ok<PartDetail>> SetTagsAsync(Guid id, TagsRequest request, IPartCatalog parts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await parts.SetTagsAsync(id, request.Tags, cancellationToken));

    private static async Task<Ok<PartDetail>> AddFitmentAsync(Guid id, FitmentRequest request, IPartCatalog parts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await parts.AddFitmentAsync(id, request.VariationId, request.CategoryId, request.Note, cancellationToken));

    private static PartInput Input(PartRequest request) =>
        new(request.ManufacturerId, request.PartNumber, request.Name, request.CategoryId, request.Description, request.Attributes, request.PartName);

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

    private static async Task<Created<VinPrefixDto>> AddVinPrefixAsync(VinPrefixRequest request, IVinPrefixCatalog catalog, CancellationToken cancellationToken)
    {
        var prefix = await catalog.AddVinPrefixAsync(
            new VinPrefixInput(request.Prefix, request.ManufacturerId, request.ModelId, request.VariationId, request.YearFrom, request.YearTo), cancellationToken);
        return TypedResults.Created($"/catalog/vin-prefixes/{prefix.Id}", prefix);
    }

    private static async Task<NoContent> DeleteVinPrefixAsync(Guid id, IVinPrefixCatalog catalog, CancellationToken cancellationToken)
    {
        await catalog.DeleteVinPrefixAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }
}
