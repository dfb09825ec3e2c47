using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace Strata.Testing;

/// <summary>The test database's Data Protection key ring, given a key the way a host's key keeper does before any request.</summary>
public static class TestKeyRing
{
    /// <summary>
    /// Creates a key unless one is active now. It is active a year either side of today, so tests on a fake clock find
    /// it too instead of making one inside a unit of work.
    /// </summary>
    public static void EnsureKey(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var keys = services.GetRequiredService<IKeyManager>();
        var now = DateTimeOffset.UtcNow;
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now.AddYears(-1) && k.ExpirationDate >= now.AddYears(1)))
        {
            keys.CreateNewKey(now.AddYears(-1), now.AddYears(1));
        }
    }
}
