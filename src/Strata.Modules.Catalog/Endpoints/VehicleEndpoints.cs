using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Strata.AspNetCore.Routing;
using Strata.AspNetCore.Validation;
using Strata.Data.Errors;
using Strata.Data.Repositories;
using Strata.Modules.Auth.Endpoints;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Endpoints;

/// <summary>
/// The vehicle hierarchy routes of the Catalog contract — manufacturers, models, variations, VIN prefixes — and VIN
/// decoding; reads public, writes need <c>catalog.write</c>.
/// </summary>
internal static class VehicleEndpoints
{
    // Parameter descriptions for the OpenAPI document.
    private const string ManufacturerIdDescription = "The manufacturer's public id.";
    private const string ModelIdDescription = "The model's public id.";
    private const string VariationIdDescription = "The variation's public id.";
    private const string VinPrefixIdDescription = "The VIN prefix's public id.";
    private const string VinDescription = "The 17-character VIN, in any case: letters and digits without I, O or Q.";

    private const string Paging = "Keyset paged: pass `nextCursor` as `cursor` for the next page.";

    private const string HierarchyAudit = "Recorded in the vehicle hierarchy audit with the caller and the row before and after.";

    public static IEndpointRouteBuilder MapVehicleEndpoints(this IEndpointRouteBuilder routes)
    {
        var catalog = routes.MapGroup("/catalog").WithTags("Catalog");
        catalog.MapGet("/manufacturers", ListManufacturersAsync).WithName("ListManufacturers")
            .WithSummary("Manufacturers by name, keyset paged; ?search= matches part of the name.")
            .WithDescription("Lists the manufacturers by name; `search` keeps those whose name contains the text, ignoring case. " + Paging + " No session needed.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        catalog.MapGet("/manufacturers/{id:guid}/models", ListModelsAsync).WithName("ListModels")
            .WithSummary("A manufacturer's models by name, keyset paged.")
            .WithDescription("Lists a manufacturer's models by name. " + Paging + " No session needed; an unknown manufacturer answers 404 `manufacturer.not_found`.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        catalog.MapGet("/models/{id:guid}/variations", ListVariationsAsync).WithName("ListVariations")
            .WithSummary("A model's variations by first model year, keyset paged.")
            .WithDescription("Lists a model's variations by first model year, with trim, engine, body style and variation categories. " + Paging +
                " No session needed; an unknown model answers 404 `model.not_found`.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        catalog.MapGet("/vin/{vin}", DecodeVinAsync).WithName("DecodeVin")
            .WithSummary("Decodes a VIN: manufacturer, model, variation and model year.")
            .WithDescription("Decodes a 17-character VIN against the catalog's VIN prefixes: the longest known prefix names the manufacturer, " +
                "and the model or variation where it pins one; position 10 gives the model year within the prefix's years. " +
                "A malformed VIN answers 400 `catalog.vin_invalid`, a wrong check digit (position 9) 400 `catalog.vin_check_digit`, " +
                "a VIN no prefix matches 404 `catalog.vin_unknown`. No session needed.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        var writes = routes.MapGroup("/catalog").WithTags("Catalog").RequirePermission(CatalogModule.CatalogWrite);
        writes.MapPost("/manufacturers", CreateManufacturerAsync).WithValidation<ManufacturerRequest>()
            .WithName("CreateManufacturer").WithSummary("Adds a manufacturer.")
            .WithDescription("Adds a manufacturer and answers it (201); a name another live manufacturer has, in any case, answers 409 `catalog.name_taken`. " +
                HierarchyAudit)
            .WithRequestExample(new ManufacturerRequest("Suzuki", "JP"))
            .ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPatch("/manufacturers/{id:guid}", UpdateManufacturerAsync).WithValidation<ManufacturerRequest>()
            .WithName("UpdateManufacturer").WithSummary("Changes a manufacturer's name and country.")
            .WithDescription("Replaces a manufacturer's name and country with the body's (an absent country clears it) and answers it; " +
                "a name another live manufacturer has answers 409 `catalog.name_taken`. " + HierarchyAudit)
            .WithRequestExample(new ManufacturerRequest("Suzuki Motor Corporation", "JP"))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapDelete("/manufacturers/{id:guid}", DeleteManufacturerAsync).WithName("DeleteManufacturer")
            .WithSummary("Deletes a manufacturer that has no live models.")
            .WithDescription("Deletes a manufacturer (soft); answers 204. One that live models or parts still belong to answers 409 `catalog.has_children`. " + HierarchyAudit)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPost("/models", CreateModelAsync).WithValidation<CreateModelRequest>()
            .WithName("CreateModel").WithSummary("Adds a model to a manufacturer.")
            .WithDescription("Adds a model to a manufacturer and answers it (201). " +
                "A name another live model of the manufacturer has answers 409 `catalog.name_taken`, an unknown manufacturer 404. " + HierarchyAudit)
            .WithRequestExample(new CreateModelRequest(CatalogExamples.ManufacturerId, "Civic"))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPatch("/models/{id:guid}", RenameModelAsync).WithValidation<RenameModelRequest>()
            .WithName("RenameModel").WithSummary("Renames a model.")
            .WithDescription("Renames a model and answers it; a name another live model of the manufacturer has answers 409 `catalog.name_taken`. " + HierarchyAudit)
            .WithRequestExample(new RenameModelRequest("Civic Type R"))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapDelete("/models/{id:guid}", DeleteModelAsync).WithName("DeleteModel")
            .WithSummary("Deletes a model that has no live variations.")
            .WithDescription("Deletes a model (soft); answers 204. One that live variations still belong to answers 409 `catalog.has_children`. " + HierarchyAudit)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPost("/variations", CreateVariationAsync).WithValidation<VariationRequest>()
            .WithName("CreateVariation").WithSummary("Adds a variation to a model.")
            .WithDescription("Adds a variation to the model `modelId` (required here: 400 `catalog.model_required`) and answers it (201). " +
                "Body style and categories must be names of the reference data (400 `catalog.unknown_body_style`, `catalog.unknown_variation_category`); " +
                "an unknown model answers 404. " + HierarchyAudit)
            .WithRequestExample(new VariationRequest(2016, CatalogExamples.ModelId, 2021, "EX", "1.5 L turbo I4", "Sedan", CatalogExamples.VariationCategories))
            .ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPatch("/variations/{id:guid}", UpdateVariationAsync).WithValidation<VariationRequest>()
            .WithName("UpdateVariation").WithSummary("Changes a variation.")
            .WithDescription("Replaces a variation's years, trim, engine and body style with the body's (absent ones are cleared) and answers it; " +
                "`categories` replaces the categories when given and keeps them when absent, `modelId` is ignored. The rules of adding apply. " + HierarchyAudit)
            .WithRequestExample(new VariationRequest(
                2016, YearTo: 2021, Trim: "EX-L", Engine: "1.5 L turbo I4", BodyStyle: "Sedan", Categories: CatalogExamples.VariationCategories))
            .ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapDelete("/variations/{id:guid}", DeleteVariationAsync).WithName("DeleteVariation")
            .WithSummary("Deletes a variation.")
            .WithDescription("Deletes a variation (soft); answers 204. " + HierarchyAudit)
            .ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPost("/vin-prefixes", AddVinPrefixAsync).WithValidation<VinPrefixRequest>().WithName("AddVinPrefix")
            .WithSummary("Adds a VIN prefix naming a manufacturer, and optionally a model or variation, for a span of model years.")
            .WithDescription("Adds a VIN prefix for `GET /catalog/vin/{vin}` to decode with and answers it (201): it names a manufacturer, " +
                "optionally one of its models or that model's variations, for a span of model years. " +
                "A model of another manufacturer or a variation of another model answers 400 `catalog.hierarchy_mismatch`, " +
                "the same prefix for the same years 409 `catalog.vin_prefix_exists`, an unknown id 404.")
            .WithRequestExample(new VinPrefixRequest("2HGFC2F5", CatalogExamples.ManufacturerId, CatalogExamples.ModelId, YearFrom: 2016, YearTo: 2021))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapDelete("/vin-prefixes/{id:guid}", DeleteVinPrefixAsync).WithName("DeleteVinPrefix")
            .WithSummary("Removes a VIN prefix.")
            .WithDescription("Removes a VIN prefix, so VINs no longer decode through it; answers 204.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static KeysetRequest Page(CatalogPageQuery query) => new(query.Limit ?? KeysetRequest.DefaultLimit, query.Cursor);

    private static async Task<Ok<KeysetPage<ManufacturerDto>>> ListManufacturersAsync(
        [AsParameters] ManufacturerPageQuery query, IManufacturerCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.ListManufacturersAsync(new KeysetRequest(query.Limit ?? KeysetRequest.DefaultLimit, query.Cursor), query.Search, cancellationToken));

    private static async Task<Ok<KeysetPage<VehicleModelDto>>> ListModelsAsync(
        [Description(ManufacturerIdDescription)] Guid id, [AsParameters] CatalogPageQuery query, IVehicleModelCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.ListModelsAsync(id, Page(query), cancellationToken));

    private static async Task<Ok<KeysetPage<ModelVariationDto>>> ListVariationsAsync(
        [Description(ModelIdDescription)] Guid id, [AsParameters] CatalogPageQuery query, IModelVariationCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.ListVariationsAsync(id, Page(query), cancellationToken));

    private static async Task<Ok<VinDecoding>> DecodeVinAsync([Description(VinDescription)] string vin, IVinDecoder decoder, CancellationToken cancellationToken) =>
        TypedResults.Ok(await decoder.DecodeAsync(vin, cancellationToken));

    private static async Task<Created<ManufacturerDto>> CreateManufacturerAsync(ManufacturerRequest request, IManufacturerCatalog catalog, CancellationToken cancellationToken)
    {
        var manufacturer = await catalog.CreateManufacturerAsync(new ManufacturerInput(request.Name, request.Country), cancellationToken);
        return TypedResults.Created($"/catalog/manufacturers/{manufacturer.Id}", manufacturer);
    }

    private static async Task<Ok<ManufacturerDto>> UpdateManufacturerAsync(
        [Description(ManufacturerIdDescription)] Guid id, ManufacturerRequest request, IManufacturerCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.UpdateManufacturerAsync(id, new ManufacturerInput(request.Name, request.Country), cancellationToken));

    private static async Task<NoContent> DeleteManufacturerAsync(
        [Description(ManufacturerIdDescription)] Guid id, IManufacturerCatalog catalog, CancellationToken cancellationToken)
    {
        await catalog.DeleteManufacturerAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<VehicleModelDto>> CreateModelAsync(CreateModelRequest request, IVehicleModelCatalog catalog, CancellationToken cancellationToken)
    {
        var model = await catalog.CreateModelAsync(request.ManufacturerId, request.Name, cancellationToken);
        return TypedResults.Created($"/catalog/models/{model.Id}", model);
    }

    private static async Task<Ok<VehicleModelDto>> RenameModelAsync(
        [Description(ModelIdDescription)] Guid id, RenameModelRequest request, IVehicleModelCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.UpdateModelAsync(id, request.Name, cancellationToken));

    private static async Task<NoContent> DeleteModelAsync([Description(ModelIdDescription)] Guid id, IVehicleModelCatalog catalog, CancellationToken cancellationToken)
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

    private static async Task<Ok<ModelVariationDto>> UpdateVariationAsync(
        [Description(VariationIdDescription)] Guid id, VariationRequest request, IModelVariationCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.UpdateVariationAsync(id, Input(request), cancellationToken));

    private static async Task<NoContent> DeleteVariationAsync([Description(VariationIdDescription)] Guid id, IModelVariationCatalog catalog, CancellationToken cancellationToken)
    {
        await catalog.DeleteVariationAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static VariationInput Input(VariationRequest request) =>
        new(request.YearFrom, request.YearTo, request.Trim, request.Engine, request.BodyStyle, request.Categories);

    private static async Task<Created<VinPrefixDto>> AddVinPrefixAsync(VinPrefixRequest request, IVinPrefixCatalog catalog, CancellationToken cancellationToken)
    {
        var prefix = await catalog.AddVinPrefixAsync(
            new VinPrefixInput(request.Prefix, request.ManufacturerId, request.ModelId, request.VariationId, request.YearFrom, request.YearTo), cancellationToken);
        return TypedResults.Created($"/catalog/vin-prefixes/{prefix.Id}", prefix);
    }

    private static async Task<NoContent> DeleteVinPrefixAsync([Description(VinPrefixIdDescription)] Guid id, IVinPrefixCatalog catalog, CancellationToken cancellationToken)
    {
        await catalog.DeleteVinPrefixAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }
}
