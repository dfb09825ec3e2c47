using FluentValidation;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Endpoints;

/// <summary>Keyset paging of a catalog list: <c>?limit=&amp;cursor=</c>, and <c>search</c> where the list has one.</summary>
public sealed record CatalogPageQuery(int? Limit, string? Cursor, string? Search);

/// <summary>A manufacturer's fields.</summary>
public sealed record ManufacturerRequest(string Name, string? Country);

/// <summary>A new model of a manufacturer.</summary>
public sealed record CreateModelRequest(Guid ManufacturerId, string Name);

/// <summary>A model's new name.</summary>
public sealed record RenameModelRequest(string Name);

/// <summary>A variation's fields; <c>modelId</c> only when creating.</summary>
public sealed record VariationRequest(Guid? ModelId, int YearFrom, int? YearTo, string? Trim, string? Engine, string? BodyStyle, IReadOnlyList<string>? Categories);

internal sealed class ManufacturerRequestValidator : AbstractValidator<ManufacturerRequest>
{
    public ManufacturerRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(CatalogLimits.NameMaxLength);
        RuleFor(r => r.Country).Length(2).Matches("^[A-Z]{2}$").When(r => r.Country is not null);
    }
}

internal sealed class CreateModelRequestValidator : AbstractValidator<CreateModelRequest>
{
    public CreateModelRequestValidator()
    {
        RuleFor(r => r.ManufacturerId).NotEmpty();
        RuleFor(r => r.Name).NotEmpty().MaximumLength(CatalogLimits.NameMaxLength);
    }
}

internal sealed class RenameModelRequestValidator : AbstractValidator<RenameModelRequest>
{
    public RenameModelRequestValidator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(CatalogLimits.NameMaxLength);
}

internal sealed class VariationRequestValidator : AbstractValidator<VariationRequest>
{
    public VariationRequestValidator()
    {
        RuleFor(r => r.YearFrom).InclusiveBetween(CatalogLimits.FirstModelYear, CatalogLimits.LastModelYear);
        RuleFor(r => r.YearTo).GreaterThanOrEqualTo(r => r.YearFrom).LessThanOrEqualTo(CatalogLimits.LastModelYear).When(r => r.YearTo is not null);
        RuleFor(r => r.Trim).MaximumLength(100);
        RuleFor(r => r.Engine).MaximumLength(100);
        RuleFor(r => r.BodyStyle).MaximumLength(50);
    }
}

/// <summary>A category: name and, for a sub-category, its parent.</summary>
public sealed record CategoryRequest(string Name, Guid? ParentId);

/// <summary>A part's fields.</summary>
public sealed record PartRequest(
    Guid ManufacturerId, string PartNumber, string Name, Guid CategoryId, string? Description, System.Text.Json.JsonElement? Attributes, string? PartName);

/// <summary>Another part that replaces this one.</summary>
public sealed record AlternativeRequest(Guid AlternativePartId, string? Kind);

/// <summary>A part's complete set of tags.</summary>
public sealed record TagsRequest(IReadOnlyList<string> Tags);

/// <summary>A variation the part fits, and the category it sits under there.</summary>
public sealed record FitmentRequest(Guid VariationId, Guid CategoryId, string? Note);

internal sealed class CategoryRequestValidator : AbstractValidator<CategoryRequest>
{
    public CategoryRequestValidator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(CatalogLimits.NameMaxLength);
}

internal sealed class PartRequestValidator : AbstractValidator<PartRequest>
{
    public PartRequestValidator()
    {
        RuleFor(r => r.ManufacturerId).NotEmpty();
        RuleFor(r => r.CategoryId).NotEmpty();
        RuleFor(r => r.PartNumber).NotEmpty().MaximumLength(64);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(CatalogLimits.PartNameMaxLength);
        RuleFor(r => r.Description).MaximumLength(4000);
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
        RuleFor(r => r.Note).MaximumLength(200);
    }
}

/// <summary>A VIN prefix to add.</summary>
public sealed record VinPrefixRequest(string Prefix, Guid ManufacturerId, Guid? ModelId, Guid? VariationId, int? YearFrom, int? YearTo);

internal sealed class VinPrefixRequestValidator : AbstractValidator<VinPrefixRequest>
{
    public VinPrefixRequestValidator()
    {
        RuleFor(r => r.Prefix).NotEmpty().Length(CatalogLimits.VinPrefixMinLength, CatalogLimits.VinPrefixMaxLength);
        RuleFor(r => r.ManufacturerId).NotEmpty();
    }
}
