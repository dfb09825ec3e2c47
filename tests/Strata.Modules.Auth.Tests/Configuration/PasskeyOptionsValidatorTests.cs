using Strata.Modules.Auth.Configuration;

namespace Strata.Modules.Auth.Tests;

public sealed class PasskeyOptionsValidatorTests
{
    [Fact]
    public void A_domain_with_origins_on_it_is_valid()
    {
        var result = Validate("example.com", "https://example.com", "https://app.example.com:8443");

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Plain_http_is_allowed_on_localhost_for_development()
    {
        var result = Validate("localhost", "http://localhost:5080");

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(null, "https://example.com", "RelyingPartyId is required")]
    [InlineData("https://example.com", "https://example.com", "must be a bare domain")]
    [InlineData("example.com:443", "https://example.com", "must be a bare domain")]
    [InlineData("example.com", "https://example.org", "is not on the relying party's domain 'example.com'")]
    [InlineData("example.com", "https://notexample.com", "is not on the relying party's domain 'example.com'")]
    [InlineData("example.com", "http://app.example.com", "must use https")]
    [InlineData("example.com", "https://app.example.com/login", "without a path")]
    [InlineData("example.com", "app.example.com", "is not an absolute http(s) URL")]
    public void An_unusable_relying_party_names_the_setting_and_the_fault(string? rpId, string origin, string fault)
    {
        var result = Validate(rpId, origin);

        Assert.True(result.Failed);
        Assert.Contains(fault, result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Strata:Auth:Passkeys:", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void No_origin_at_all_is_refused()
    {
        var result = Validate("example.com");

        Assert.Contains("Strata:Auth:Passkeys:Origins needs at least one origin", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_user_verification_requirement_is_refused()
    {
        var options = new PasskeyOptions { RelyingPartyId = "example.com", UserVerification = "always" };
        options.Origins.Add("https://example.com");

        var result = new PasskeyOptionsValidator().Validate(null, options);

        Assert.Contains("Strata:Auth:Passkeys:UserVerification must be one of required, preferred, discouraged", result.FailureMessage, StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? rpId, params string[] origins)
    {
        var options = new PasskeyOptions { RelyingPartyId = rpId };
        foreach (var origin in origins)
        {
            options.Origins.Add(origin);
        }

        return new PasskeyOptionsValidator().Validate(null, options);
    }
}
