using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Strata.Data;
using Strata.Modules.Auth.Configuration;
using Strata.Testing;

namespace Strata.Modules.Auth.Tests;

public sealed class AuthOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        var result = new AuthOptionsValidator().Validate(null, new AuthOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void A_session_cache_duration_of_zero_turns_the_cache_off_and_is_valid()
    {
        var result = new AuthOptionsValidator().Validate(null, Bind(new() { ["Strata:Auth:SessionCacheDuration"] = "00:00:00" }));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("PasswordIterations", "0", "Strata:Auth:PasswordIterations must be at least 1")]
    [InlineData("SessionLifetime", "00:00:00", "Strata:Auth:SessionLifetime must be longer than zero")]
    [InlineData("SessionRenewalInterval", "00:00:00", "Strata:Auth:SessionRenewalInterval must be longer than zero")]
    [InlineData("SessionRenewalInterval", "8.00:00:00", "Strata:Auth:SessionRenewalInterval must not be longer than Strata:Auth:SessionLifetime")]
    [InlineData("SessionCacheDuration", "-00:00:01", "Strata:Auth:SessionCacheDuration must be from 00:00:00 (off) to 00:05:00")]
    [InlineData("SessionCacheDuration", "00:05:01", "Strata:Auth:SessionCacheDuration must be from 00:00:00 (off) to 00:05:00")]
    [InlineData("VerificationLifetime", "-00:01:00", "Strata:Auth:VerificationLifetime must be longer than zero")]
    [InlineData("LockoutThreshold", "0", "Strata:Auth:LockoutThreshold must be at least 1")]
    [InlineData("LockoutBase", "00:00:00", "Strata:Auth:LockoutBase must be longer than zero")]
    [InlineData("MaxLockout", "00:00:30", "Strata:Auth:MaxLockout must be at least Strata:Auth:LockoutBase")]
    [InlineData("MinimumPasswordLength", "0", "Strata:Auth:MinimumPasswordLength must be from 1 to 256")]
    [InlineData("MinimumPasswordLength", "257", "Strata:Auth:MinimumPasswordLength must be from 1 to 256")]
    public void An_unusable_setting_is_refused_by_its_full_key(string setting, string value, string message)
    {
        var result = new AuthOptionsValidator().Validate(null, Bind(new() { [$"{AuthOptions.SectionName}:{setting}"] = value }));

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unusable_setting_stops_the_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(StrataTestSettings.Merge(StrataTestSettings.Defaults,
            new Dictionary<string, string?> { ["Strata:Auth:SessionLifetime"] = "00:00:00" })).Build();
        using var services = new ServiceCollection().AddStrata(configuration, strata => strata.AddModule<AuthModule>()).BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Strata:Auth:SessionLifetime must be longer than zero", error.Message, StringComparison.Ordinal);
    }

    private static AuthOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
}
