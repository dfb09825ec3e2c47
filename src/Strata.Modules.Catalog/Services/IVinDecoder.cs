namespace Strata.Modules.Catalog.Services;

/// <summary>Decodes vehicle identification numbers against the catalog's VIN prefixes.</summary>
public interface IVinDecoder
{
    /// <summary>
    /// Decodes a 17-character VIN (case-insensitive): the longest known prefix names the manufacturer (and model or
    /// variation), position 10 the model year within the prefix's years. Refusals: 400 <c>catalog.vin_invalid</c>
    /// (length or alphabet), 400 <c>catalog.vin_check_digit</c> (position 9), 404 <c>catalog.vin_unknown</c>.
    /// </summary>
    Task<VinDecoding> DecodeAsync(string vin, CancellationToken cancellationToken = default);
}
