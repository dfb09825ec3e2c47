using Strata.Data;
using Strata.Testing;

[assembly: AssemblyFixture(typeof(Strata.Modules.Auth.Tests.AuthTestDatabases))]

namespace Strata.Modules.Auth.Tests;

/// <summary>Test databases with the auth module alone.</summary>
public sealed class AuthTestDatabases : StrataTestDatabases
{
    /// <summary>The relying party the tests' passkeys belong to.</summary>
    public const string PasskeyRelyingPartyId = "strata.test";

    /// <summary>The one web origin passkey ceremonies are accepted from.</summary>
    public const string PasskeyOrigin = "https://app.strata.test";

    /// <summary>
    /// Cheap password hashes (production keeps the 220,000-iteration default) and the passkey relying party.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Strata:Auth:PasswordIterations"] = "1000",
        ["Strata:Auth:Passkeys:RelyingPartyId"] = PasskeyRelyingPartyId,
        ["Strata:Auth:Passkeys:Origins:0"] = PasskeyOrigin,
    };

    protected override void AddModules(StrataBuilder strata) => strata.AddModule<AuthModule>();
}
