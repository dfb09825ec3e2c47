using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Tests.Services;

/// <summary>The input rules the services and the API's request validators share.</summary>
public sealed class CatalogInputTests
{
    [Theory]
    [InlineData("Lada", true)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData(null, false)]
    public void A_name_is_not_blank(string? name, bool valid) => Assert.Equal(valid, CatalogInput.IsName(name));

    [Fact]
    public void A_name_is_measured_trimmed_as_it_is_stored()
    {
        var longest = new string('n', CatalogLimits.NameMaxLength);

        Assert.Equal((true, true, false), (CatalogInput.IsName(longest), CatalogInput.IsName($" {longest} "), CatalogInput.IsName(longest + "n")));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("DE", true)]
    [InlineData("de", false)]
    [InlineData("DEU", false)]
    [InlineData("DE\n", false)]
    public void A_country_is_two_upper_case_letters_or_absent(string? country, bool valid) => Assert.Equal(valid, CatalogInput.IsCountry(country));

    [Theory]
    [InlineData(CatalogLimits.FirstModelYear, null, true)]
    [InlineData(CatalogLimits.FirstModelYear - 1, null, false)]
    [InlineData(2000, 2000, true)]
    [InlineData(2000, 1999, false)]
    [InlineData(2000, CatalogLimits.LastModelYear + 1, false)]
    public void Variation_years_are_within_the_catalog_first_before_last(int yearFrom, int? yearTo, bool valid) =>
        Assert.Equal(valid, CatalogInput.IsVariationYearFrom(yearFrom) && CatalogInput.IsVariationYearTo(yearFrom, yearTo));

    [Theory]
    [InlineData("1HG", true)]
    [InlineData(" 1hgcm826 ", true)]
    [InlineData("1H", false)]
    [InlineData("1HGCM8263", false)]
    [InlineData("1HO", false)]
    [InlineData(null, false)]
    public void A_vin_prefix_is_3_to_8_vin_characters_in_any_case(string? prefix, bool valid) => Assert.Equal(valid, CatalogInput.IsVinPrefix(prefix));

    [Theory]
    [InlineData("0 986 494 524", true)]
    [InlineData("- / .", false)]
    [InlineData(null, false)]
    public void A_part_number_has_characters_besides_separators(string? partNumber, bool valid) => Assert.Equal(valid, CatalogInput.IsPartNumber(partNumber));

    [Fact]
    public void A_part_number_fits_its_column_as_written()
    {
        var padded = string.Join(' ', Enumerable.Repeat("AB", 30));

        Assert.Equal((false, true), (CatalogInput.IsPartNumber(padded), CatalogInput.IsPartNumber(padded.Replace(" ", "", StringComparison.Ordinal))));
    }
}
