using Strata.TestModules.Gadgets;
using Strata.TestModules.Widgets;
using Strata.Modules.Auth;
using Strata.Modules.Catalog;
using Strata.Testing;

[assembly: AssemblyFixture(typeof(Strata.Cli.Tests.CliTestDatabases))]

namespace Strata.Cli.Tests;

/// <summary>The modules the test host composes, so fixture databases match what the CLI process sees.</summary>
public sealed class CliTestDatabases : StrataTestDatabases
{
    protected override void AddModules(Data.StrataBuilder strata) => strata.AddModule<AuthModule>().AddModule<CatalogModule>().AddModule<WidgetsModule>().AddModule<GadgetsModule>();

    /// <inheritdoc />
    protected override bool StartsWithKeyRingKey => true;
}
