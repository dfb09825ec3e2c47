using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Services;

/// <summary>The vehicle hierarchy's rows as their DTOs, written once for the services and the VIN decoder.</summary>
internal static class VehicleHierarchyMapping
{
    public static ManufacturerDto ToDto(this Manufacturer manufacturer) =>
        new(manufacturer.PublicId, manufacturer.Name, manufacturer.Country, manufacturer.CreatedAt, manufacturer.UpdatedAt);

    public static VehicleModelDto ToDto(this VehicleModel model, Guid manufacturerId) =>
        new(model.PublicId, manufacturerId, model.Name, model.CreatedAt, model.UpdatedAt);

    public static ModelVariationDto ToDto(this ModelVariation variation, Guid modelId, string? bodyStyle, IReadOnlyList<string> categories) =>
        new(variation.PublicId, modelId, variation.YearFrom, variation.YearTo, variation.Trim, variation.Engine, bodyStyle, categories);
}
