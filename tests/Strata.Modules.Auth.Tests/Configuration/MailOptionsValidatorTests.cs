using Microsoft.Extensions.Hosting;
using Strata.Modules.Auth.Configuration;

namespace Strata.Modules.Auth.Tests;

public sealed class MailOptionsValidatorTests
{
    [Fact]
    public void Development_defaults_write_to_the_pickup_directory_and_are_valid()
    {
        var options = new MailOptions();

        var result = Validate(Environments.Development, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(MailTransportKind.PickupDirectory, options.EffectiveTransport(isDevelopment: true));
    }

    [Fact]
    public void Production_without_an_smtp_host_is_refused_naming_the_host_and_the_explicit_pickup_choice()
    {
        var result = Validate(Environments.Production, new MailOptions());

        Assert.True(result.Failed);
        Assert.Contains("Strata:Mail:Smtp:Host is required", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Strata:Mail:Transport to PickupDirectory", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_writes_files_only_when_the_pickup_transport_is_chosen_explicitly()
    {
        var result = Validate(Environments.Production, new MailOptions { Transport = MailTransportKind.PickupDirectory });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Production_with_an_smtp_host_is_valid()
    {
        var result = Validate(Environments.Production, new MailOptions { Smtp = { Host = "smtp.example.com" } });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("not a mailbox", "Strata:Mail:From")]
    [InlineData("", "Strata:Mail:From")]
    public void A_from_that_is_not_a_mailbox_is_refused(string from, string setting)
    {
        var result = Validate(Environments.Development, new MailOptions { From = from });

        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app.example.com")]
    [InlineData("ftp://app.example.com")]
    [InlineData("https://app.example.com/?x=1")]
    public void A_link_base_that_is_not_an_absolute_http_url_is_refused(string linkBase)
    {
        var result = Validate(Environments.Development, new MailOptions { LinkBaseUrl = linkBase });

        Assert.Contains("Strata:Mail:LinkBaseUrl", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Smtp_settings_out_of_range_are_each_named()
    {
        var options = new MailOptions
        {
            Transport = MailTransportKind.Smtp,
            Smtp = { Host = "bad host name!", Port = 70000, UserName = "user", Timeout = TimeSpan.Zero },
        };

        var failure = Validate(Environments.Production, options).FailureMessage;

        Assert.Contains("Strata:Mail:Smtp:Host 'bad host name!'", failure, StringComparison.Ordinal);
        Assert.Contains("Strata:Mail:Smtp:Port", failure, StringComparison.Ordinal);
        Assert.Contains("Strata:Mail:Smtp:UserName and Strata:Mail:Smtp:Password go together", failure, StringComparison.Ordinal);
        Assert.Contains("Strata:Mail:Smtp:Timeout", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispatcher_settings_out_of_range_are_each_named()
    {
        var options = new MailOptions
        {
            Dispatcher = { BatchSize = 0, MaxAttempts = 0, Lease = TimeSpan.Zero, PollInterval = TimeSpan.Zero, RetryBaseDelay = TimeSpan.FromHours(2) },
        };

        var failure = Validate(Environments.Development, options).FailureMessage;

        foreach (var setting in new[] { "BatchSize", "MaxAttempts", "Lease", "PollInterval", "RetryMaxDelay" })
        {
            Assert.Contains($"Strata:Mail:Dispatcher:{setting}", failure, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_lease_no_longer_than_one_send_is_refused()
    {
        var options = new MailOptions { Dispatcher = { Lease = TimeSpan.FromSeconds(30) }, Smtp = { Timeout = TimeSpan.FromSeconds(30) } };

        var failure = Validate(Environments.Development, options).FailureMessage;

        Assert.Contains("Strata:Mail:Dispatcher:Lease must be longer than Strata:Mail:Smtp:Timeout", failure, StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(string environment, MailOptions options) =>
        new MailOptionsValidator(new TestHostEnvironment(environment)).Validate(null, options);
}
