using Microsoft.Extensions.Hosting;
using Strata.Modules.Auth.Configuration;

namespace Strata.Modules.Auth.Tests;

public sealed class KeyRingOptionsValidatorTests
{
    [Fact]
    public void Production_without_a_certificate_is_refused_naming_both_ways_to_give_one()
    {
        var result = new KeyRingOptionsValidator(new TestHostEnvironment(Environments.Production)).Validate(null, new KeyRingOptions());

        Assert.True(result.Failed);
        Assert.Contains("Strata:Auth:DataProtection:Certificate:Path", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Strata:Auth:DataProtection:Certificate:Base64", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("required in Production", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_with_a_certificate_is_valid()
    {
        var options = new KeyRingOptions { Certificate = { Base64 = "cGZ4" } };

        var result = new KeyRingOptionsValidator(new TestHostEnvironment(Environments.Production)).Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Development_without_a_certificate_is_valid()
    {
        var result = new KeyRingOptionsValidator(new TestHostEnvironment(Environments.Development)).Validate(null, new KeyRingOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }
}
