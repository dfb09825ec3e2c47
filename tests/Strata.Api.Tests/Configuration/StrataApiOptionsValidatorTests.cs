using Strata.AspNetCore.Configuration;

namespace Strata.Api.Tests.Configuration;

public sealed class StrataApiOptionsValidatorTests
{
    private static readonly StrataApiOptionsValidator Validator = new();

    [Fact]
    public void The_defaults_are_valid() => Assert.True(Validator.Validate(null, new StrataApiOptions()).Succeeded);

    [Fact]
    public void A_body_limit_of_zero_is_refused_naming_the_setting() =>
        AssertRefused(new StrataApiOptions { MaxRequestBodyBytes = 0 }, "Strata:Api:MaxRequestBodyBytes");

    [Fact]
    public void A_permit_limit_of_zero_is_refused_naming_the_setting() =>
        AssertRefused(new StrataApiOptions { AuthPermitLimit = 0 }, "Strata:Api:AuthPermitLimit");

    [Fact]
    public void An_empty_rate_limit_window_is_refused_naming_the_setting() =>
        AssertRefused(new StrataApiOptions { AuthWindow = TimeSpan.Zero }, "Strata:Api:AuthWindow");

    [Fact]
    public void A_slow_request_threshold_of_zero_is_refused_naming_the_setting() =>
        AssertRefused(new StrataApiOptions { SlowRequestThreshold = TimeSpan.Zero }, "Strata:Api:SlowRequestThreshold");

    [Fact]
    public void A_negative_forgot_password_floor_is_refused_naming_the_setting() =>
        AssertRefused(new StrataApiOptions { ForgotPasswordFloor = TimeSpan.FromMilliseconds(-1) }, "Strata:Api:ForgotPasswordFloor");

    [Fact]
    public void A_trusted_proxy_that_is_no_address_is_refused_naming_the_entry()
    {
        var options = new StrataApiOptions { TrustedProxies = { "10.0.0.1", "proxy.internal" } };

        AssertRefused(options, "Strata:Api:TrustedProxies:1 ('proxy.internal')");
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("10.0.0.0/8")]
    [InlineData("::1")]
    public void Addresses_and_networks_are_trusted_proxies(string entry) =>
        Assert.True(Validator.Validate(null, new StrataApiOptions { TrustedProxies = { entry } }).Succeeded);

    [Theory]
    [InlineData("api.example.com")]
    [InlineData("/strata")]
    [InlineData("ftp://api.example.com")]
    [InlineData("https://api.example.com/?x=1")]
    public void A_public_base_url_that_is_no_absolute_http_url_is_refused_naming_the_setting(string url) =>
        AssertRefused(new StrataApiOptions { PublicBaseUrl = url }, "Strata:Api:PublicBaseUrl");

    [Fact]
    public void An_https_public_base_url_with_a_path_is_valid() =>
        Assert.True(Validator.Validate(null, new StrataApiOptions { PublicBaseUrl = "https://api.example.com/strata" }).Succeeded);

    private static void AssertRefused(StrataApiOptions options, string setting)
    {
        var result = Validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure.StartsWith(setting, StringComparison.Ordinal));
    }
}
