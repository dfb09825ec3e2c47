using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Services;

/// <summary>A category and its subtree.</summary>
/// <param name="Id">Public id.</param>
/// <param name="Name">Name.</param>
/// <param name="Children">Sub-categories by name.</param>
public sealed record CategoryNode(Guid Id, string Name, IReadOnlyList<CategoryNode> Children);

/// <summary>A category.</summary>
/// <param name="Id">Public id.</param>
/// <param name="Name">Name.</param>
/// <param name="ParentId">Its parent; null for a root.</param>
public sealed record CategoryDto(Guid Id, string Name, Guid? ParentId);

/// <summary>A part to create, or its new values.</summary>
/// <param name="ManufacturerId">The maker.</param>
/// <param name="PartNumber">The maker's part number (unique per maker, compared without case, spaces, dots, slashes and hyphens).</param>
/// <param name="Name">Display name.</param>
/// <param name="CategoryId">Its category.</param>
/// <param name="Description">Description.</param>
/// <param name="Attributes">Technical attributes: a JSON object.</param>
/// <param name="PartName">Canonical part name (created when new).</param>
public sealed record PartInput(
    Guid ManufacturerId, string PartNumber, string Name, Guid CategoryId, string? Description = null, JsonElement? Attributes = null, string? PartName = null);

/// <summary>A part as lists and other modules see it.</summary>
/// <param name="Id">Public id.</param>
/// <param name="PartNumber">The maker's part number.</param>
/// <param name="Name">Display name.</param>
/// <param name="Manufacturer">The maker.</param>
public sealed record PartSummary(Guid Id, string PartNumber, string Name, NamedReference Manufacturer);

/// <summary>A part as a list shows it.</summary>
/// <param name="Id">Public id.</param>
/// <param name="PartNumber">The maker's part number.</param>
/// <param name="Name">Display name.</param>
/// <param name="Manufacturer">The maker.</param>
/// <param name="CategoryPath">Its category and the categories above it, root first.</param>
/// <param name="Tags">Its tags, by name.</param>
/// <param name="FirstImageId">Its first uploaded image (download it from <c>/catalog/parts/{id}/images/{fileId}</c>), or null.</param>
public sealed record PartListItem(
    Guid Id, string PartNumber, string Name, NamedReference Manufacturer, IReadOnlyList<NamedReference> CategoryPath, IReadOnlyList<string> Tags, Guid? FirstImageId);

/// <summary>What a part list is narrowed to; every filter given applies.</summary>
/// <param name="CategoryId">Parts in this category or any category below it.</param>
/// <param name="VariationId">Parts that fit this model variation.</param>
/// <param name="ManufacturerId">Parts of this maker.</param>
/// <param name="Tag">Parts with this tag (case and accents folded).</param>
/// <param name="Search">
/// Words of the part number, name or description, each a prefix (<c>brake pa</c>), case and accents folded, or a fragment of
/// the part number with or without separators (<c>04465-33</c>); ranked: the exact part number first, then name and
/// number matches, then description mentions. At most 200 characters.
/// </param>
public sealed record PartListFilter(Guid? CategoryId = null, Guid? VariationId = null, Guid? ManufacturerId = null, string? Tag = null, string? Search = null);

/// <summary>An alternative to a part, whichever side it was recorded from.</summary>
/// <param name="Part">The other part.</param>
/// <param name="Kind"><c>oem</c>, <c>aftermarket</c> or <c>interchange</c>.</param>
public sealed record PartAlternativeDto(
    PartSummary Part, [property: AllowedValues(PartAlternative.Oem, PartAlternative.Aftermarket, PartAlternative.Interchange)] string Kind);

/// <summary>A variation the part fits, and where it sits on that vehicle.</summary>
/// <param name="VariationId">The variation.</param>
/// <param name="Manufacturer">Vehicle maker.</param>
/// <param name="Model">Model.</param>
/// <param name="YearFrom">First model year.</param>
/// <param name="YearTo">Last model year.</param>
/// <param name="Trim">Trim.</param>
/// <param name="Category">Category it is placed under for this vehicle.</param>
/// <param name="Note">Position or condition.</param>
public sealed record CompatibleVariation(Guid VariationId, string Manufacturer, string Model, int YearFrom, int? YearTo, string? Trim, string Category, string? Note);

/// <summary>A part with everything around it.</summary>
/// <param name="Id">Public id.</param>
/// <param name="PartNumber">The maker's part number.</param>
/// <param name="Name">Display name.</param>
/// <param name="PartName">Canonical part name.</param>
/// <param name="Manufacturer">The maker.</param>
/// <param name="CategoryPath">Its category, root first.</param>
/// <param name="Description">Description.</param>
/// <param name="Attributes">Technical attributes.</param>
/// <param name="Tags">Tags by name.</param>
/// <param name="Alternatives">Alternatives, recorded from either side.</param>
/// <param name="CompatibleVariations">Vehicles it fits.</param>
/// <param name="CreatedAt">When it was added.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record PartDetail(
    Guid Id, string PartNumber, string Name, string? PartName, NamedReference Manufacturer, IReadOnlyList<NamedReference> CategoryPath,
    string? Description, JsonElement Attributes, IReadOnlyList<string> Tags, IReadOnlyList<PartAlternativeDto> Alternatives,
    IReadOnlyList<CompatibleVariation> CompatibleVariations, DateTime CreatedAt, DateTime UpdatedAt);
