using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
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
    public static IEndpointRouteBuilder MapVehicleEndpoints(this IEndpointRouteBuilder routes)
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
        return routes;
    }

    private static KeysetRequest Page(CatalogPageQuery query) => new(query.Limit ?? KeysetRequest.DefaultLimit, query.Cursor);

    private static async Task<Ok<KeysetPage<ManufacturerDto>>> ListManufacturersAsync([AsParameters] ManufacturerPageQuery query, IManufacturerCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.ListManufacturersAsync(new KeysetRequest(query.Limit ?? KeysetRequest.DefaultLimit, query.Cursor), query.Search, cancellationToken));

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
