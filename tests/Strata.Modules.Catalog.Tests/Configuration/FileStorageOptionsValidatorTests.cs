using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Strata.Modules.Catalog.Configuration;

namespace Strata.Modules.Catalog.Tests.Configuration;

/// <summary>The part-image storage settings, checked at start-up with messages naming the setting.</summary>
public sealed class FileStorageOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        var result = new FileStorageOptionsValidator().Validate(null, new FileStorageOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_directory_is_refused_naming_the_setting(string directory)
    {
        var result = new FileStorageOptionsValidator().Validate(null, new FileStorageOptions { Directory = directory });

        Assert.True(result.Failed);
        Assert.Contains("Strata:Catalog:Files:Directory is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_size_limit_that_is_not_positive_is_refused_naming_the_setting(long maxBytes)
    {
        var result = new FileStorageOptionsValidator().Validate(null, new FileStorageOptions { MaxBytes = maxBytes });

        Assert.True(result.Failed);
        Assert.Contains("Strata:Catalog:Files:MaxBytes must be positive", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_module_validates_the_settings_at_start_up()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Strata:Catalog:Files:MaxBytes"] = "0" }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        new CatalogModule().RegisterServices(services, configuration);
        using var provider = services.BuildServiceProvider();

        // What a host runs before it starts: the checks ValidateOnStart registered.
        var refusal = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Strata:Catalog:Files:MaxBytes must be positive", refusal.Message, StringComparison.Ordinal);
    }
}
