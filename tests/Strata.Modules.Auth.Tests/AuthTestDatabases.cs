using Strata.Data;
using Strata.Testing;

[assembly: AssemblyFixture(typeof(Strata.Modules.Auth.Tests.AuthTestDatabases))]

namespace Strata.Modules.Auth.Tests;

/// <summary>Test databases with the auth module alone (configured with <see cref="StrataTestSettings.Defaults"/>).</summary>
public sealed class AuthTestDatabases : StrataTestDatabases
{
    protected override void AddModules(StrataBuilder strata) => strata.AddModule<AuthModule>();
}
