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
    /// <summary>
    /// What every test API is configured with beyond the database (a test's own settings may override it): the test
    /// defaults (cheap password hashes, the passkey relying party), a file store outside the repository, and a sign-in
    /// rate limit no suite reaches; <see cref="TestApi"/> layers it under every host.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> HostSettings { get; } = StrataTestSettings.Merge(StrataTestSettings.Defaults, new Dictionary<string, string?>
    {
        ["Strata:Catalog:Files:Directory"] = Path.Combine(Path.GetTempPath(), "strata-api-test-files"),
        ["Strata:Api:AuthPermitLimit"] = "10000",
    });

    public static void Modules(StrataBuilder strata) => strata.AddModule<AuthModule>().AddModule<WorkspacesModule>().AddModule<CatalogModule>().AddModule<WidgetsModule>().AddModule<GadgetsModule>();

    protected override void AddModules(StrataBuilder strata) => Modules(strata);
}
