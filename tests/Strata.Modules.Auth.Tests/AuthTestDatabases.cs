using Strata.Data;
using Strata.Testing;

[assembly: AssemblyFixture(typeof(Strata.Modules.Auth.Tests.AuthTestDatabases))]

namespace Strata.Modules.Auth.Tests;

/// <summary>Test databases with the auth module alone.</summary>
public sealed class AuthTestDatabases : StrataTestDatabases
{
    /// <summary>Cheap password hashes for tests; production keeps the 220,000-iteration default.</summary>
    public static readonly IReadOnlyDictionary<string, string?> FastHashing = new Dictionary<string, string?> { ["Strata:Auth:PasswordIterations"] = "1000" };

    protected override void AddModules(StrataBuilder strata) => strata.AddModule<AuthModule>();
}
