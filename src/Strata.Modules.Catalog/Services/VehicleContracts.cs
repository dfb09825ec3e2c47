namespace Strata.Modules.Catalog.Services;

/// <summary>A vehicle manufacturer.</summary>
/// <param name="Id">Public id.</param>
/// <param name="Name">Name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country, when known.</param>
/// <param name="CreatedAt">When it was added.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record ManufacturerDto(Guid Id, string Name, string? Country, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>A model line.</summary>
/// <param name="Id">Public id.</param>
/// <param name="ManufacturerId">Its manufacturer.</param>
/// <param name="Name">Name.</param>
/// <param name="CreatedAt">When it was added.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record VehicleModelDto(Guid Id, Guid ManufacturerId, string Name, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>A variation of a model over model years.</summary>
/// <param name="Id">Public id.</param>
/// <param name="ModelId">Its model.</param>
/// <param name="YearFrom">First model year.</param>
/// <param name="YearTo">Last model year; null while still built.</param>
/// <param name="Trim">Trim level.</param>
/// <param name="Engine">Engine.</param>
/// <param name="BodyStyle">Body style name.</param>
/// <param name="Categories">The variation categories that apply (passenger car, hybrid, …), by name.</param>
public sealed record ModelVariationDto(
    Guid Id, Guid ModelId, int YearFrom, int? YearTo, string? Trim, string? Engine, string? BodyStyle, IReadOnlyList<string> Categories);

/// <summary>A manufacturer to create, or its new values.</summary>
/// <param name="Name">Name (unique among live manufacturers, in any case).</param>
/// <param name="Country">ISO 3166-1 alpha-2 country, upper-case.</param>
public sealed record ManufacturerInput(string Name, string? Country = null);

/// <summary>A variation to create, or its new values.</summary>
/// <param name="YearFrom">First model year.</param>
/// <param name="YearTo">Last model year.</param>
/// <param name="Trim">Trim level.</param>
/// <param name="Engine">Engine.</param>
/// <param name="BodyStyle">A body style's name from the reference data (sedan, coupe, …).</param>
/// <param name="Categories">Variation categories from the reference data (passenger car, hybrid, …); null leaves them as they are.</param>
public sealed record VariationInput(
    int YearFrom, int? YearTo = null, string? Trim = null, string? Engine = null, string? BodyStyle = null, IReadOnlyList<string>? Categories = null);

/// <summary>Something named, by id.</summary>
/// <param name="Id">Public id.</param>
/// <param name="Name">Name.</param>
public sealed record NamedReference(Guid Id, string Name);
