using Strata.Data.Errors;
using Strata.Modules.Catalog.Repositories;

namespace Strata.Modules.Catalog.Services;

/// <inheritdoc />
internal sealed class VinDecoder(VinPrefixRepository prefixes, ModelVariationRepository variations, TimeProvider clock) : IVinDecoder
{
    // The world manufacturer identifier is the shortest prefix there is.
    private const int WmiLength = CatalogLimits.VinPrefixMinLength;

    public async Task<VinDecoding> DecodeAsync(string vin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vin);
        vin = vin.Trim().ToUpperInvariant();
        if (!VinNumbers.IsWellFormed(vin))
        {
            throw new ValidationError("catalog.vin_invalid", "vin", "A VIN has 17 letters and digits, without I, O or Q.");
        }

        var expected = VinNumbers.CheckDigit(vin);
        if (vin[8] != expected)
        {
            throw new ValidationError("catalog.vin_check_digit", "vin", $"The check digit (position 9) should be {expected}.");
        }

        // Positions 1–8 only: position 9 is the check digit, and a prefix never reaches past it.
        var candidates = Enumerable.Range(WmiLength, CatalogLimits.VinPrefixMaxLength - WmiLength + 1).Select(length => vin[..length]).ToArray();
        var years = VinNumbers.ModelYears(vin[9], clock.GetUtcNow().Year + 1);
        foreach (var match in await prefixes.FindAsync(candidates, cancellationToken))
        {
            var inRange = years.Where(y => (match.YearFrom is null || y >= match.YearFrom) && (match.YearTo is null || y <= match.YearTo)).ToList();
            var ranged = match.YearFrom is not null || match.YearTo is not null;
            if (ranged && inRange.Count == 0)
            {
                continue;
            }

            // Within the range, the most recent reading of the 30-year cycle that is not in the future.
            int? modelYear = inRange.Count > 0 ? inRange[^1] : null;
            return await DescribeAsync(vin, match, modelYear, cancellationToken);
        }

        throw new NotFoundError("catalog.vin_unknown", $"No known manufacturer uses the prefix {vin[..WmiLength]}.");
    }

    private async Task<VinDecoding> DescribeAsync(string vin, VinPrefixRepository.VinPrefixMatch match, int? modelYear, CancellationToken cancellationToken)
    {
        var manufacturer = new NamedReference(match.ManufacturerId, match.ManufacturerName);
        if (match.VariationId is { } variationId && await prefixes.FindVariationAsync(variationId, cancellationToken) is { Model: { } variationModel } variation)
        {
            var categories = (await variations.CategoryNamesAsync([variation.Id], cancellationToken))[variation.Id].ToList();
            var dto = variation.ToDto(variationModel.PublicId, variation.BodyStyle?.Name, categories);
            return new(vin, vin[..WmiLength], match.Prefix, manufacturer, new(variationModel.PublicId, variationModel.Name), dto, modelYear);
        }

        return new(vin, vin[..WmiLength], match.Prefix, manufacturer, match.Model, null, modelYear);
    }
}
