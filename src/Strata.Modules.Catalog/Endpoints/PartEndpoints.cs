using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Strata.AspNetCore.Routing;
using Strata.AspNetCore.Validation;
using Strata.Data.Repositories;
using Strata.Modules.Auth.Endpoints;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Endpoints;

/// <summary>
/// The part routes of the Catalog contract — categories, parts, alternatives, tags, fitments; reads public, writes
/// need <c>catalog.write</c>. (Part search and import come with the next catalog issue.)
/// </summary>
internal static class PartEndpoints
{
    // Parameter descriptions for the OpenAPI document.
    private const string PartIdDescription = "The part's public id.";
    private const string CategoryIdDescription = "The category's public id.";

    public static IEndpointRouteBuilder MapPartEndpoints(this IEndpointRouteBuilder routes)
    {
        var catalog = routes.MapGroup("/catalog").WithTags("Catalog");
        catalog.MapGet("/categories", CategoryTreeAsync).WithName("CategoryTree").WithSummary("The part category tree.")
            .WithDescription("Answers the whole part category tree: the root categories by name, each with its sub-categories by name, to any depth. No session needed.");
        catalog.MapGet("/parts", ListPartsAsync).WithName("ListParts")
            .WithSummary("Parts by name, keyset paged; filtered by category (with its sub-categories), fitting variation, manufacturer, tag and text search.")
            .WithDescription("Lists live parts by name, each with its manufacturer, category path (root first), tags and first image id. " +
                "Filters combine; a filter naming nothing that exists gives an empty page. Pass a page's `nextCursor` as `cursor` for the next. " +
                "`search` finds parts whose number, name or description has words starting with every word given (`brake pa`), case and accents folded, " +
                "or whose part number contains the text with or without separators (`04465-33`); results are ranked — the exact part number first, " +
                "then name and number matches, then description mentions, each by name — and a search cursor only continues a search. " +
                "Only letters and digits count; a `search` over 200 characters answers 400 `catalog.invalid_search`. " +
                "No session needed.");
        catalog.MapGet("/parts/{id:guid}", GetPartAsync).WithName("GetPart")
            .WithSummary("A part with its category path, tags, alternatives (both directions) and compatible variations.")
            .WithDescription("Answers a part with its manufacturer, canonical part name, category path (root first), description, attributes, tags, " +
                "the alternatives recorded from either side and the vehicle variations it fits. No session needed; a deleted or unknown part answers 404 `part.not_found`.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var writes = routes.MapGroup("/catalog").WithTags("Catalog").RequirePermission(CatalogModule.CatalogWrite);
        writes.MapPost("/categories", CreateCategoryAsync).WithValidation<CategoryRequest>().WithName("CreateCategory")
            .WithSummary("Adds a category (a root, or under parentId).")
            .WithDescription("Adds a category, as a root or under `parentId`, and answers it (201). " +
                "A name its siblings already use answers 409 `catalog.name_taken`, an unknown parent 404.")
            .WithRequestExample(new CategoryRequest("Brake pads", CatalogExamples.ParentCategoryId))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPatch("/categories/{id:guid}", RenameCategoryAsync).WithValidation<CategoryRequest>().WithName("RenameCategory")
            .WithSummary("Renames a category.")
            .WithDescription("Renames a category and answers it; `parentId` is ignored, a category stays where it is. " +
                "A name its siblings already use answers 409 `catalog.name_taken`.")
            .WithRequestExample(new CategoryRequest("Brake pads and shoes"))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapDelete("/categories/{id:guid}", DeleteCategoryAsync).WithName("DeleteCategory")
            .WithSummary("Deletes an unused category.")
            .WithDescription("Deletes a category; answers 204. " +
                "One that still has sub-categories, parts (deleted ones included) or fitments answers 409 `catalog.has_children`.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPost("/parts", CreatePartAsync).WithValidation<PartRequest>().WithName("CreatePart")
            .WithSummary("Adds a part.")
            .WithDescription("Adds a part and answers it in full (201); a canonical `partName` not seen before is created. " +
                "A part number the manufacturer already has, compared without case, spaces, dots, slashes and hyphens, answers 409 `catalog.part_number_taken`; " +
                "an unknown manufacturer or category 404.")
            .WithRequestExample(CatalogExamples.Part)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPatch("/parts/{id:guid}", UpdatePartAsync).WithValidation<PartRequest>().WithName("UpdatePart")
            .WithSummary("Changes a part.")
            .WithDescription("Replaces a part's fields with the body's and answers the part: send every field, as when adding it. " +
                "An absent `attributes` keeps the stored attributes, an absent `partName` removes the canonical name. " +
                "The rules of adding apply (409 `catalog.part_number_taken`, 404 for an unknown manufacturer or category).")
            .WithRequestExample(CatalogExamples.Part with { Description = "Low-dust ceramic pads with wear indicator and shims." })
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapDelete("/parts/{id:guid}", DeletePartAsync).WithName("DeletePart")
            .WithSummary("Deletes a part (soft).")
            .WithDescription("Deletes a part (soft: it is gone from every read, its row is kept); answers 204.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPost("/parts/{id:guid}/alternatives", AddAlternativeAsync).WithValidation<AlternativeRequest>().WithName("AddAlternative")
            .WithSummary("Records that another part replaces this one (kind: oem, aftermarket, interchange).")
            .WithDescription("Records that another part can replace this one, as `oem`, `aftermarket` or `interchange` (the default), and answers this part. " +
                "The link is symmetric and shows on both parts: a pair linked already answers 409 `catalog.alternative_exists`, " +
                "a part named as its own alternative 400 `catalog.alternative_self`.")
            .WithRequestExample(new AlternativeRequest(CatalogExamples.AlternativePartId, "aftermarket"))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPut("/parts/{id:guid}/tags", SetTagsAsync).WithValidation<TagsRequest>().WithName("SetPartTags")
            .WithSummary("Replaces a part's tags.")
            .WithDescription("Replaces a part's tags with the list given and answers the part: at most 50 tags of 1 to 50 characters (400 `catalog.invalid_tags`); " +
                "tags not seen before are created, an empty list removes them all.")
            .WithRequestExample(new TagsRequest(CatalogExamples.Tags))
            .ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPost("/parts/{id:guid}/fitments", AddFitmentAsync).WithValidation<FitmentRequest>().WithName("AddFitment")
            .WithSummary("Records that the part fits a variation, under a category.")
            .WithDescription("Records that the part fits a vehicle variation, placed under a category for that vehicle, with an optional note (position or condition), " +
                "and answers the part. The same part, variation and category twice answers 409 `catalog.fitment_exists`; an unknown part, variation or category 404.")
            .WithRequestExample(new FitmentRequest(CatalogExamples.VariationId, CatalogExamples.CategoryId, "Front axle"))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<CategoryNode>>> CategoryTreeAsync(IPartCatalog parts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await parts.GetCategoryTreeAsync(cancellationToken));

    private static async Task<Ok<KeysetPage<PartListItem>>> ListPartsAsync([AsParameters] PartListQuery query, IPartCatalog parts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await parts.ListPartsAsync(
            new KeysetRequest(query.Limit ?? KeysetRequest.DefaultLimit, query.Cursor),
            new PartListFilter(query.CategoryId, query.VariationId, query.ManufacturerId, query.Tag, query.Search), cancellationToken));

    private static async Task<Ok<PartDetail>> GetPartAsync([Description(PartIdDescription)] Guid id, IPartCatalog parts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await parts.GetPartAsync(id, cancellationToken));

    private static async Task<Created<CategoryDto>> CreateCategoryAsync(CategoryRequest request, IPartCatalog parts, CancellationToken cancellationToken)
    {
        var category = await parts.CreateCategoryAsync(request.Name, request.ParentId, cancellationToken);
        return TypedResults.Created("/catalog/categories", category);
    }

    private static async Task<Ok<CategoryDto>> RenameCategoryAsync(
        [Description(CategoryIdDescription)] Guid id, CategoryRequest request, IPartCatalog parts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await parts.RenameCategoryAsync(id, request.Name, cancellationToken));

    private static async Task<NoContent> DeleteCategoryAsync([Description(CategoryIdDescription)] Guid id, IPartCatalog parts, CancellationToken cancellationToken)
    {
        await parts.DeleteCategoryAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<PartDetail>> CreatePartAsync(PartRequest request, IPartCatalog parts, CancellationToken cancellationToken)
    {
        var part = await parts.CreatePartAsync(Input(request), cancellationToken);
        return TypedResults.Created($"/catalog/parts/{part.Id}", part);
    }

    private static async Task<Ok<PartDetail>> UpdatePartAsync(
        [Description(PartIdDescription)] Guid id, PartRequest request, IPartCatalog parts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await parts.UpdatePartAsync(id, Input(request), cancellationToken));

    private static async Task<NoContent> DeletePartAsync([Description(PartIdDescription)] Guid id, IPartCatalog parts, CancellationToken cancellationToken)
    {
        await parts.DeletePartAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PartDetail>> AddAlternativeAsync(
        [Description(PartIdDescription)] Guid id, AlternativeRequest request, IPartCatalog parts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await parts.AddAlternativeAsync(id, request.AlternativePartId, request.Kind ?? "interchange", cancellationToken));

    private static async Task<Ok<PartDetail>> SetTagsAsync(
        [Description(PartIdDescription)] Guid id, TagsRequest request, IPartCatalog parts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await parts.SetTagsAsync(id, request.Tags, cancellationToken));

    private static async Task<Ok<PartDetail>> AddFitmentAsync(
        [Description(PartIdDescription)] Guid id, FitmentRequest request, IPartCatalog parts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await parts.AddFitmentAsync(id, request.VariationId, request.CategoryId, request.Note, cancellationToken));

    private static PartInput Input(PartRequest request) =>
        new(request.ManufacturerId, request.PartNumber, request.Name, request.CategoryId, request.Description, request.Attributes, request.PartName);
}
