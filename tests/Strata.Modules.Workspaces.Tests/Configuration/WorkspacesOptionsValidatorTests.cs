using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Strata.Data;
using Strata.Modules.Auth;
using Strata.Modules.Workspaces.Configuration;

namespace Strata.Modules.Workspaces.Tests;

public sealed class WorkspacesOptionsValidatorTests
{
    [Fact]
    public void The_default_invitation_lifetime_is_valid()
    {
        var result = new WorkspacesOptionsValidator().Validate(null, new WorkspacesOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-01:00:00")]
    public void An_invitation_lifetime_of_zero_or_less_is_refused_by_its_full_key(string lifetime)
    {
        var result = new WorkspacesOptionsValidator().Validate(null, new WorkspacesOptions { InvitationLifetime = TimeSpan.Parse(lifetime, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(result.Failed);
        Assert.Contains("Strata:Workspaces:InvitationLifetime must be longer than zero", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unusable_invitation_lifetime_stops_the_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Strata:Auth:Passkeys:RelyingPartyId"] = "strata.test",
            ["Strata:Auth:Passkeys:Origins:0"] = "https://app.strata.test",
            ["Strata:Workspaces:InvitationLifetime"] = "00:00:00",
        }).Build();
        using var services = new ServiceCollection()
            .AddStrata(configuration, strata => strata.AddModule<AuthModule>().AddModule<WorkspacesModule>()).BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Strata:Workspaces:InvitationLifetime must be longer than zero", error.Message, StringComparison.Ordinal);
    }
}
