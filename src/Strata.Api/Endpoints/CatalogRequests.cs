using FluentValidation;

namespace Strata.Api.Endpoints;

/// <summary>Keyset paging of a catalog list: <c>?limit=&amp;cursor=</c>, and <c>search</c> where the list has one.</summary>
public sealed record CatalogPageQuery(int? Limit, string? Cursor, string? Search);

/// <summary>A manufacturer's fields.</summary>
public sealed record ManufacturerRequest(string Name, string? Country);

/// <summary>A new model of a manufacturer.</summary>
public sealed record CreateModelRequest(Guid ManufacturerId, string Name);

/// <summary>A model's new name.</summary>
public sealed record RenameModelRequest(string Name);

/// <summary>A variation's fields; <c>modelId</c> only when creating.</summary>
public sealed record VariationRequest(Guid? ModelId, int YearFrom, int? YearTo, string? Trim, string? Engine, string? BodyStyle);

internal sealed class ManufacturerRequestValidator : AbstractValidator<ManufacturerRequest>
{
    public ManufacturerRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Country).Length(2).Matches("^[A-Z]{2}$").When(r => r.Country is not null);
    }
}

internal sealed class CreateModelRequestValidator : AbstractValidator<CreateModelRequest>
{
    public CreateModelRequestValidator()
    {
        RuleFor(r => r.ManufacturerId).NotEmpty();
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
    }
}

internal sealed class RenameModelRequestValidator : AbstractValidator<RenameModelRequest>
{
    public RenameModelRequestValidator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
}

internal sealed class VariationRequestValidator : AbstractValidator<VariationRequest>
{
    public VariationRequestValidator()
    {
        RuleFor(r => r.YearFrom).InclusiveBetween(1886, 2100);
        RuleFor(r => r.YearTo).GreaterThanOrEqualTo(r => r.YearFrom).LessThanOrEqualTo(2100).When(r => r.YearTo is not null);
        RuleFor(r => r.Trim).MaximumLength(100);
        RuleFor(r => r.Engine).MaximumLength(100);
        RuleFor(r => r.BodyStyle).MaximumLength(50);
    }
}
