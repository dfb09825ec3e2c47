using Strata.Data;
using Strata.Testing;

[assembly: AssemblyFixture(typeof(Strata.Modules.Catalog.Tests.CatalogTestDatabases))]

namespace Strata.Modules.Catalog.Tests;

/// <summary>Test databases with the catalog module.</summary>
public sealed class CatalogTestDatabases : StrataTestDatabases
{
    protected override void AddModules(StrataBuilder strata) => strata.AddModule<CatalogModule>();
}
