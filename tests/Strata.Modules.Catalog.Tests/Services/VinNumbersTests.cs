using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Tests.Services;

public sealed class VinNumbersTests
{
    [Theory]
    [InlineData("1HGCM82633A004352", '3')]
    [InlineData("11111111111111111", '1')]
    [InlineData("1M8GDM9AXKP042788", 'X')]
    public void The_check_digit_follows_the_north_american_weights(string vin, char expected)
    {
        Assert.Equal(expected, VinNumbers.CheckDigit(vin));
    }

    [Theory]
    [InlineData("1HGCM82633A00435")]
    [InlineData("1HGCM82633A0043521")]
    [InlineData("1HGCM82633A00435I")]
    [InlineData("1HGCM82633A00435O")]
    [InlineData("1HGCM82633A00435Q")]
    [InlineData("1hgcm82633a004352")]
    public void Vins_of_the_wrong_length_or_with_I_O_Q_or_lower_case_are_not_well_formed(string vin)
    {
        Assert.False(VinNumbers.IsWellFormed(vin));
    }

    [Theory]
    [InlineData('A', new[] { 1980, 2010 })]
    [InlineData('Y', new[] { 2000 })]
    [InlineData('3', new[] { 2003 })]
    [InlineData('9', new[] { 2009 })]
    [InlineData('L', new[] { 1990, 2020 })]
    [InlineData('U', new int[0])]
    [InlineData('0', new int[0])]
    public void Position_ten_names_a_year_on_each_thirty_year_cycle_up_to_the_latest(char code, int[] years)
    {
        Assert.Equal(years, VinNumbers.ModelYears(code, latest: 2027));
    }
}
