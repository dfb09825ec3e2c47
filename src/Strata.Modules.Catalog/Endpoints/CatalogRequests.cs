using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Strata.Modules.Catalog.Schema;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Endpoints;

/// <summary>Keyset paging of a catalog list: <c>?limit=&amp;cursor=</c>.</summary>
/// <param name="Limit">Items per page.</param>
/// <param name="Cursor">The <c>nextCursor</c> of the previous page; absent for the first page.</param>
public sealed record CatalogPageQuery(int? Limit = null, string? Cursor = null);

/// <summary>The part list's paging and filters; the filters given combine.</summary>
/// <param name="Limit">Items per page.</param>
/// <param name="Cursor">The <c>nextCursor</c> of the previous page; absent for the first page.</param>
/// <param name="CategoryId">Only parts in this category or any category below it.</param>
/// <param name="VariationId">Only parts that fit this model variation.</param>
/// <param name="ManufacturerId">Only parts of this manufacturer.</param>
/// <param name="Tag">Only parts with this tag; case and accents do not matter.</param>
/// <param name="Search">
/// Only parts whose number, name or description has a word starting with each word given (<c>brake pa</c>), case and
/// accents folded, or whose part number contains the text with or without separators (<c>04465</c>, <c>04465-33</c>);
/// ranked: the exact part number first, then name and number matches, then description mentions, each by name. Only
/// letters and digits count (any other character separates words); at most 200 characters (400
/// <c>catalog.invalid_search</c>).
/// </param>
public sealed record PartListQuery(
    int? Limit = null, string? Cursor = null, Guid? CategoryId = null, Guid? VariationId = null, Guid? ManufacturerId = null, string? Tag = null,
    string? Search = null);

/// <summary>Keyset paging of the manufacturers, and <c>?search=</c> matching part of the name.</summary>
/// <param name="Limit">Items per page.</param>
/// <param name="Cursor">The <c>nextCursor</c> of the previous page; absent for the first page.</param>
/// <param name="Search">Only manufacturers whose name contains this text, ignoring case.</param>
public sealed record ManufacturerPageQuery(int? Limit = null, string? Cursor = null, string? Search = null);

/// <summary>A manufacturer's fields.</summary>
/// <param name="Name">Name, 1 to 100 characters, unique among live manufacturers in any case.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code, two upper-case letters (<c>JP</c>); absent when unknown.</param>
public sealed record ManufacturerRequest(string Name, string? Country = null);

/// <summary>A new model of a manufacturer.</summary>
/// <param name="ManufacturerId">The manufacturer the model belongs to.</param>
/// <param name="Name">Name, 1 to 100 characters, unique among the manufacturer's live models.</param>
public sealed record CreateModelRequest(Guid ManufacturerId, string Name);

/// <summary>A model's new name.</summary>
/// <param name="Name">New name, 1 to 100 characters, unique among the manufacturer's live models.</param>
public sealed record RenameModelRequest(string Name);

/// <summary>A variation's fields; <c>modelId</c> only when creating.</summary>
/// <param name="YearFrom">First model year, 1886 to 2100.</param>
/// <param name="ModelId">The model the new variation belongs to: required when creating, ignored when changing.</param>
/// <param name="YearTo">Last model year, from <c>yearFrom</c> to 2100; absent while the variation is still built.</param>
/// <param name="Trim">Trim level, at most 100 characters.</param>
/// <param name="Engine">Engine, at most 100 characters.</param>
/// <param name="BodyStyle">A body style of the reference data, in any case (<c>Sedan</c>, <c>Coupe</c>, <c>Hatchback</c>, <c>SUV</c>, …).</param>
/// <param name="Categories">
/// Variation categories of the reference data (<c>Passenger car</c>, <c>Hybrid</c>, <c>Electric</c>, …); when changing, absent keeps the current ones.
/// </param>
public sealed record VariationRequest(
    int YearFrom, Guid? ModelId = null, int? YearTo = null, string? Trim = null, string? Engine = null, string? BodyStyle = null, IReadOnlyList<string>? Categories = null);

internal sealed class ManufacturerRequestValidator : AbstractValidator<ManufacturerRequest>
{
    public ManufacturerRequestValidator()
    {
        RuleFor(r => r.Name).Must(name => CatalogInput.IsName(name)).WithMessage(CatalogInput.NameRule());
        RuleFor(r => r.Country).Must(CatalogInput.IsCountry).WithMessage(CatalogInput.CountryRule);
    }
}

internal sealed class CreateModelRequestValidator : AbstractValidator<CreateModelRequest>
{
    public CreateModelRequestValidator()
    {
        RuleFor(r => r.ManufacturerId).NotEmpty();
        RuleFor(r => r.Name).Must(name => CatalogInput.IsName(name)).WithMessage(CatalogInput.NameRule());
    }
}

internal sealed class RenameModelRequestValidator : AbstractValidator<RenameModelRequest>
{
    public RenameModelRequestValidator() => RuleFor(r => r.Name).Must(name => CatalogInput.IsName(name)).WithMessage(CatalogInput.NameRule());
}

internal sealed class VariationRequestValidator : AbstractValidator<VariationRequest>
{
    public VariationRequestValidator()
    {
        RuleFor(r => r.YearFrom).Must(CatalogInput.IsVariationYearFrom).WithMessage(CatalogInput.VariationYearFromRule);
        RuleFor(r => r.YearTo).Must((r, yearTo) => CatalogInput.IsVariationYearTo(r.YearFrom, yearTo)).WithMessage(CatalogInput.VariationYearToRule);
        RuleFor(r => r.Trim).Must(CatalogInput.IsVariationDetail).WithMessage(CatalogInput.VariationDetailRule);
        RuleFor(r => r.Engine).Must(CatalogInput.IsVariationDetail).WithMessage(CatalogInput.VariationDetailRule);
        RuleFor(r => r.BodyStyle).MaximumLength(50);
    }
}

/// <summary>A category: name and, for a sub-category, its parent.</summary>
/// <param name="Name">Name, 1 to 100 characters, unique among the category's siblings.</param>
/// <param name="ParentId">The parent category of a sub-category; absent for a root. Ignored when renaming.</param>
public sealed record CategoryRequest(string Name, Guid? ParentId = null);

/// <summary>A part's fields.</summary>
/// <param name="ManufacturerId">The part's maker.</param>
/// <param name="PartNumber">The maker's part number, at most 64 characters; unique per maker, compared without case, spaces, dots, slashes and hyphens.</param>
/// <param name="Name">Display name, 1 to 200 characters.</param>
/// <param name="CategoryId">The part's category.</param>
/// <param name="Description">Description, at most 4,000 characters.</param>
/// <param name="Attributes">Technical attributes: a JSON object of at most 16,384 characters. When changing a part, absent keeps the stored ones.</param>
/// <param name="PartName">The canonical part name that parts of every maker share (<c>Brake pad set</c>), at most 100 characters; created when new, absent for none.</param>
public sealed record PartRequest(
    Guid ManufacturerId, string PartNumber, string Name, Guid CategoryId, string? Description = null, System.Text.Json.JsonElement? Attributes = null, string? PartName = null);

/// <summary>Another part that replaces this one; the kind is <c>interchange</c> when absent.</summary>
/// <param name="AlternativePartId">The other part; not the part itself.</param>
/// <param name="Kind">How it replaces the part: <c>oem</c>, <c>aftermarket</c> or <c>interchange</c> (the default).</param>
public sealed record AlternativeRequest(
    Guid AlternativePartId, [property: AllowedValues(PartAlternative.Oem, PartAlternative.Aftermarket, PartAlternative.Interchange)] string? Kind = null);

/// <summary>A part's complete set of tags.</summary>
/// <param name="Tags">Every tag the part keeps: at most 50, each 1 to 50 characters; tags not seen before are created, an empty list removes them all.</param>
public sealed record TagsRequest(IReadOnlyList<string> Tags);

/// <summary>A variation the part fits, and the category it sits under there.</summary>
/// <param name="VariationId">The vehicle variation the part fits.</param>
/// <param name="CategoryId">The category the part sits under for that vehicle.</param>
/// <param name="Note">Position or condition (<c>Front axle</c>), at most 200 characters.</param>
public sealed record FitmentRequest(Guid VariationId, Guid CategoryId, string? Note = null);

internal sealed class CategoryRequestValidator : AbstractValidator<CategoryRequest>
{
    public CategoryRequestValidator() => RuleFor(r => r.Name).Must(name => CatalogInput.IsName(name)).WithMessage(CatalogInput.NameRule());
}

internal sealed class PartRequestValidator : AbstractValidator<PartRequest>
{
    public PartRequestValidator()
    {
        RuleFor(r => r.ManufacturerId).NotEmpty();
        RuleFor(r => r.CategoryId).NotEmpty();
        RuleFor(r => r.PartNumber).Must(CatalogInput.IsPartNumber).WithMessage(CatalogInput.PartNumberRule);
        RuleFor(r => r.Name).Must(name => CatalogInput.IsName(name, CatalogLimits.PartNameMaxLength)).WithMessage(CatalogInput.NameRule(CatalogLimits.PartNameMaxLength));
        RuleFor(r => r.Description).Must(CatalogInput.IsDescription).WithMessage(CatalogInput.DescriptionRule);
        RuleFor(r => r.PartName).MaximumLength(CatalogLimits.NameMaxLength);
    }
}

internal sealed class AlternativeRequestValidator : AbstractValidator<AlternativeRequest>
{
    public AlternativeRequestValidator() => RuleFor(r => r.AlternativePartId).NotEmpty();
}

internal sealed class TagsRequestValidator : AbstractValidator<TagsRequest>
{
    public TagsRequestValidator() => RuleFor(r => r.Tags).NotNull();
}

internal sealed class FitmentRequestValidator : AbstractValidator<FitmentRequest>
{
    public FitmentRequestValidator()
    {
        RuleFor(r => r.VariationId).NotEmpty();
        RuleFor(r => r.CategoryId).NotEmpty();
        RuleFor(r => r.Note).Must(CatalogInput.IsFitmentNote).WithMessage(CatalogInput.FitmentNoteRule);
    }
}

/// <summary>A VIN prefix to add.</summary>
/// <param name="Prefix">3 to 8 VIN characters (letters and digits, no I, O or Q), in any case; stored upper-case.</param>
/// <param name="ManufacturerId">The manufacturer VINs with this prefix are from.</param>
/// <param name="ModelId">One of the manufacturer's models, when the prefix pins one.</param>
/// <param name="VariationId">One of the model's variations, when the prefix pins one.</param>
/// <param name="YearFrom">First model year the prefix covers, 1980 to 2100; absent leaves the span open.</param>
/// <param name="YearTo">Last model year the prefix covers, 1980 to 2100 and not before <c>yearFrom</c>; absent leaves the span open.</param>
public sealed record VinPrefixRequest(
    string Prefix, Guid ManufacturerId, Guid? ModelId = null, Guid? VariationId = null, int? YearFrom = null, int? YearTo = null);

internal sealed class VinPrefixRequestValidator : AbstractValidator<VinPrefixRequest>
{
    public VinPrefixRequestValidator()
    {
        RuleFor(r => r.Prefix).Must(CatalogInput.IsVinPrefix).WithMessage(CatalogInput.VinPrefixRule);
        RuleFor(r => r.ManufacturerId).NotEmpty();
    }
}
