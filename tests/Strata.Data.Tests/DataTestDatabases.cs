using Strata.TestModules.Gadgets;
using Strata.TestModules.Widgets;
using Strata.Testing;

[assembly: AssemblyFixture(typeof(Strata.Data.Tests.DataTestDatabases))]

namespace Strata.Data.Tests;

/// <summary>The test modules, composed as an application would compose real ones.</summary>
public sealed class DataTestDatabases : StrataTestDatabases
{
    protected override void AddModules(StrataBuilder strata) => strata.AddModule<WidgetsModule>().AddModule<GadgetsModule>();
}
