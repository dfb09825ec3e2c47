namespace Strata.Modules.Catalog.Services;

/// <summary>What a VIN says, as far as the catalog knows.</summary>
/// <param name="Vin">The VIN, upper-case.</param>
/// <param name="Wmi">World manufacturer identifier (positions 1–3).</param>
/// <param name="MatchedPrefix">The longest known prefix it starts with.</param>
/// <param name="Manufacturer">The manufacturer.</param>
/// <param name="Model">The model, when the prefix pins one.</param>
/// <param name="Variation">The variation, when the prefix pins one.</param>
/// <param name="ModelYear">Position 10 read within the prefix's years; null when it cannot be.</param>
public sealed record VinDecoding(
    string Vin, string Wmi, string MatchedPrefix, NamedReference Manufacturer, NamedReference? Model, ModelVariationDto? Variation, int? ModelYear);

/// <summary>A VIN prefix to add: the start of VINs (3 to 8 characters) naming a manufacturer, and optionally a model or variation, for a span of model years.</summary>
/// <param name="Prefix">The prefix (the WMI, then vehicle-descriptor characters), upper-case VIN alphabet.</param>
/// <param name="ManufacturerId">The manufacturer.</param>
/// <param name="ModelId">A model of that manufacturer.</param>
/// <param name="VariationId">A variation of that model.</param>
/// <param name="YearFrom">First model year it applies to.</param>
/// <param name="YearTo">Last model year it applies to.</param>
public sealed record VinPrefixInput(string Prefix, Guid ManufacturerId, Guid? ModelId = null, Guid? VariationId = null, int? YearFrom = null, int? YearTo = null);

/// <summary>A known VIN prefix.</summary>
/// <param name="Id">Public id.</param>
/// <param name="Prefix">The prefix.</param>
/// <param name="ManufacturerId">Its manufacturer.</param>
/// <param name="ModelId">Its model, if it names one.</param>
/// <param name="VariationId">Its variation, if it names one.</param>
/// <param name="YearFrom">First model year.</param>
/// <param name="YearTo">Last model year.</param>
public sealed record VinPrefixDto(Guid Id, string Prefix, Guid ManufacturerId, Guid? ModelId, Guid? VariationId, int? YearFrom, int? YearTo);
