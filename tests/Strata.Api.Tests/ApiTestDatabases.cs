using Strata.Data;
using Strata.Modules.Auth;
using Strata.Modules.Catalog;
using Strata.Modules.Workspaces;
using Strata.TestModules.Gadgets;
using Strata.TestModules.Widgets;
using Strata.Testing;

[assembly: AssemblyFixture(typeof(Strata.Api.Tests.ApiTestDatabases))]

namespace Strata.Api.Tests;

/// <summary>Test databases composed with the test modules, and the settings an API serves them with.</summary>
public sealed class ApiTestDatabases : StrataTestDatabases
{
    /// <summary>The relying party the test API is configured as.</summary>
    public const string PasskeyRelyingPartyId = "strata.test";

    /// <summary>The one web origin the test API accepts passkey ceremonies from.</summary>
    public const string PasskeyOrigin = "https://app.strata.test";

    /// <summary>
    /// What every test API is configured with beyond the database (a test's own settings may override it): the
    /// passkey relying party, and a file store outside the repository.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> PasskeySettings { get; } = new Dictionary<string, string?>
    {
        ["Strata:Auth:Passkeys:RelyingPartyId"] = PasskeyRelyingPartyId,
        ["Strata:Auth:Passkeys:Origins:0"] = PasskeyOrigin,
        ["Strata:Catalog:Files:Directory"] = Path.Combine(Path.GetTempPath(), "strata-api-test-files"),
    };

    public static void Modules(StrataBuilder strata) => strata.AddModule<AuthModule>().AddModule<WorkspacesModule>().AddModule<CatalogModule>().AddModule<WidgetsModule>().AddModule<GadgetsModule>();

    /// <summary>Granted serving settings (see <see cref="StrataTestDatabases.GrantedServingSettingsAsync"/>) tuned for tests.</summary>
    public async Task<Dictionary<string, string?>> ServingSettingsAsync(TestDatabase db)
    {
        var settings = await GrantedServingSettingsAsync(db);
        // Cheap hashes keep the suite fast; production runs the 220,000-iteration default.
        settings["Strata:Auth:PasswordIterations"] = "1000";
        settings["Strata:Api:AuthPermitLimit"] = "10000";
        return settings;
    }

    protected override void AddModules(StrataBuilder strata) => Modules(strata);
}
