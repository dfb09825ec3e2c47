using System.Text.Json;

namespace Strata.Modules.Catalog.Endpoints;

/// <summary>
/// The values the catalog routes' request examples share in the API reference (<c>WithRequestExample</c>): ids that
/// stand for rows a client would have read first, and a part that every rule of <see cref="Services.CatalogInput"/> accepts.
/// </summary>
internal static class CatalogExamples
{
    public static readonly Guid ManufacturerId = new("68aba001-b5b1-49fb-907c-d49aebc04022");

    public static readonly Guid ModelId = new("747bedb0-aeec-499f-afcb-1945156a2b46");

    public static readonly Guid VariationId = new("359160d1-5686-4c80-a241-d7311be207d6");

    public static readonly Guid CategoryId = new("ab0c6388-c6a5-487b-8683-38491e6cad55");

    public static readonly Guid ParentCategoryId = new("59141f3f-9c82-418e-87f5-698f70b09d7d");

    public static readonly Guid AlternativePartId = new("1d84aae8-3d11-4901-bbfb-b8d4c8911eae");

    public static readonly PartRequest Part = new(
        ManufacturerId, "0 986 494 524", "Brake pad set, front axle", CategoryId, "Low-dust ceramic pads with wear indicator.",
        JsonElement.Parse("""{ "material": "ceramic", "thicknessMm": 17.5, "wearIndicator": true }"""), "Brake pad set");

    public static readonly string[] Tags = ["brakes", "ceramic", "front axle"];

    public static readonly string[] VariationCategories = ["Passenger car"];
}
