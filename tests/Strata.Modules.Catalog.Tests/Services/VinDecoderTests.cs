using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Modules.Catalog.Services;
using Strata.Testing;

namespace Strata.Modules.Catalog.Tests.Services;

/// <summary>VIN decoding against the seeded reference data (real WMI codes), both providers.</summary>
public sealed class VinDecoderTests(CatalogTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task A_2003_accord_decodes_to_honda_accord_of_2003(DatabaseProvider provider)
    {
        await using var db = await databases.SeededAsync(provider);

        var decoded = await db.Get<IVinDecoder>().DecodeAsync("1hgcm82633a004352");

        Assert.Equal("1HGCM82633A004352", decoded.Vin);
        Assert.Equal(("Honda", "Accord", 2003, "1HGCM"), (decoded.Manufacturer.Name, decoded.Model?.Name, decoded.ModelYear, decoded.MatchedPrefix));
    }

    [Theory, BothProviders]
    public async Task A_vin_whose_prefix_names_a_model_decodes_in_one_command(DatabaseProvider provider)
    {
        await using var db = await databases.SeededAsync(provider);
        await using var scope = db.CreateScope();

        var decoded = await scope.ServiceProvider.GetRequiredService<IVinDecoder>().DecodeAsync("1HGCM82633A004352");

        Assert.Equal("Accord", decoded.Model?.Name);
        Assert.Equal(1, scope.ServiceProvider.GetRequiredService<Strata.Data.Sessions.DatabaseSession>().CommandsExecuted);
    }

    [Theory, BothProviders]
    public async Task A_year_outside_the_longer_prefix_falls_back_to_the_manufacturer(DatabaseProvider provider)
    {
        await using var db = await databases.SeededAsync(provider);

        // Position 10 'Y' is 2000 (or 2030, in the future): outside the 1HGCM range 2003–2007.
        var decoded = await db.Get<IVinDecoder>().DecodeAsync(Valid("1HGCM8263YA004352"));

        Assert.Equal(("Honda", null, 2000, "1HG"), (decoded.Manufacturer.Name, decoded.Model?.Name, decoded.ModelYear, decoded.MatchedPrefix));
    }

    [Theory, BothProviders]
    public async Task The_longest_known_prefix_wins_and_names_the_variation(DatabaseProvider provider)
    {
        await using var db = await databases.SeededAsync(provider);
        var accord = (await db.ScalarAsync<string>(provider == DatabaseProvider.Postgres
            ? "SELECT public_id::text FROM catalog.models WHERE normalized_name = 'ACCORD'"
            : "SELECT public_id FROM catalog_models WHERE normalized_name = 'ACCORD'"));
        var coupe = await db.Get<IModelVariationCatalog>().CreateVariationAsync(Guid.Parse(accord), new VariationInput(2003, 2005, "EX", "2.4 i-VTEC", "Coupe"));
        var honda = (await db.Get<IManufacturerCatalog>().ListManufacturersAsync(new(1), "honda")).Items[0].Id;
        await db.Get<IVinPrefixCatalog>().AddVinPrefixAsync(new VinPrefixInput("1hgcm826", honda, VariationId: coupe.Id, YearFrom: 2003, YearTo: 2005));

        var decoded = await db.Get<IVinDecoder>().DecodeAsync("1HGCM82633A004352");

        Assert.Equal("1HGCM826", decoded.MatchedPrefix);
        Assert.Equal(coupe.Id, decoded.Variation?.Id);
        Assert.Equal(("Accord", "Coupe"), (decoded.Model?.Name, decoded.Variation?.BodyStyle));
    }

    [Theory, BothProviders]
    public async Task A_wrong_check_digit_is_refused_naming_the_expected_one(DatabaseProvider provider)
    {
        await using var db = await databases.SeededAsync(provider);

        var refusal = await Assert.ThrowsAsync<ValidationError>(() => db.Get<IVinDecoder>().DecodeAsync("1HGCM82643A004352"));

        Assert.Equal("catalog.vin_check_digit", refusal.Code);
        Assert.Contains("should be 3", refusal.Message, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task A_malformed_vin_is_refused(DatabaseProvider provider)
    {
        await using var db = await databases.SeededAsync(provider);

        var refusal = await Assert.ThrowsAsync<ValidationError>(() => db.Get<IVinDecoder>().DecodeAsync("1HGCM82633A00435O"));

        Assert.Equal("catalog.vin_invalid", refusal.Code);
    }

    [Theory, BothProviders]
    public async Task An_unknown_manufacturer_prefix_answers_not_found(DatabaseProvider provider)
    {
        await using var db = await databases.SeededAsync(provider);

        var refusal = await Assert.ThrowsAsync<NotFoundError>(() => db.Get<IVinDecoder>().DecodeAsync(Valid("AAAAA8263YA004352")));

        Assert.Equal("catalog.vin_unknown", refusal.Code);
    }

    /// <summary>The VIN with position 9 set to its check digit.</summary>
    private static string Valid(string vin) => string.Concat(vin[..8], VinNumbers.CheckDigit(vin), vin[9..]);
}
