using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Strata.Modules.Catalog.Schema;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Endpoints;

/// <summary>Keyset paging of a catalog list: <c>?limit=&amp;cursor=</c>.</summary>
public sealed record CatalogPageQuery(int? Limit = null, string? Cursor = null);

/// <summary>Keyset paging of the manufacturers, and <c>?search=</c> matching part of the name.</summary>
public sealed record ManufacturerPageQuery(int? Limit = null, string? Cursor = null, string? Search = null);

/// <summary>A manufacturer's fields.</summary>
public sealed record ManufacturerRequest(string Name, string? Country = null);

/// <summary>A new model of a manufacturer.</summary>
public sealed record CreateModelRequest(Guid ManufacturerId, string Name);

/// <summary>A model's new name.</summary>
public sealed record RenameModelRequest(string Name);

/// <summary>A variation's fields; <c>modelId</c> only when creating.</summary>
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
public sealed record CategoryRequest(string Name, Guid? ParentId = null);

/// <summary>A part's fields.</summary>
public sealed record PartRequest(
    Guid ManufacturerId, string PartNumber, string Name, Guid CategoryId, string? Description = null, System.Text.Json.JsonElement? Attributes = null, string? PartName = null);

/// <summary>Another part that replaces this one; the kind is <c>interchange</c> when absent.</summary>
public sealed record AlternativeRequest(
    Guid AlternativePartId, [property: AllowedValues(PartAlternative.Oem, PartAlternative.Aftermarket, PartAlternative.Interchange)] string? Kind = null);

/// <summary>A part's complete set of tags.</summary>
public sealed record TagsRequest(IReadOnlyList<string> Tags);

/// <summary>A variation the part fits, and the category it sits under there.</summary>
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
