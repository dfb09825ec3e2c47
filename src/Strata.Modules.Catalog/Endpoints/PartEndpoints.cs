using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Strata.AspNetCore.Validation;
using Strata.Modules.Auth.Endpoints;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Endpoints;

/// <summary>
/// The part routes of the Catalog contract — categories, parts, alternatives, tags, fitments; reads public, writes
/// need <c>catalog.write</c>. (Part search and import come with the next catalog issue.)
/// </summary>
internal static class PartEndpoints
{
    public static IEndpointRouteBuilder MapPartEndpoints(this IEndpointRouteBuilder routes)
    {
        var catalog = routes.MapGroup("/catalog").WithTags("Catalog");
        catalog.MapGet("/categories", CategoryTreeAsync).WithName("CategoryTree").WithSummary("The part category tree.");
        catalog.MapGet("/parts/{id:guid}", GetPartAsync).WithName("GetPart")
            .WithSummary("A part with its category path, tags, alternatives (both directions) and compatible variations.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var writes = routes.MapGroup("/catalog").WithTags("Catalog").RequirePermission(CatalogModule.CatalogWrite);
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
        return routes;
    }

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
}
