using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Strata.Modules.Auth.Configuration;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Services;

/// <summary>
/// Password hashes through the <see cref="IPasswordHasher{TUser}"/> of <see cref="Create"/>: ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (V3: PBKDF2-HMAC-SHA512) with the iteration count raised to
/// <see cref="AuthOptions.PasswordIterations"/>. Hashes made with fewer iterations verify as "rehash needed", so they
/// are upgraded at the next successful sign-in.
/// </summary>
internal sealed class PasswordHashing
{
    private static readonly User NoUser = new() { SecurityStamp = string.Empty };
    private readonly IPasswordHasher<User> _hasher;
    private readonly string _dummyHash;

    public PasswordHashing(IPasswordHasher<User> hasher)
    {
        _hasher = hasher;
        // Made up front, so the first unknown email costs no extra hash.
        _dummyHash = _hasher.HashPassword(NoUser, Guid.NewGuid().ToString("N"));
    }

    /// <summary>The hasher Strata registers as <see cref="IPasswordHasher{TUser}"/>: Identity V3 at the configured iterations.</summary>
    public static PasswordHasher<User> Create(IOptions<AuthOptions> options) =>
        new(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = options.Value.PasswordIterations,
        }));

    public string Hash(string password) => _hasher.HashPassword(NoUser, password);

    public PasswordVerificationResult Verify(string hash, string password) => _hasher.VerifyHashedPassword(NoUser, hash, password);

    /// <summary>Spends the same time as a real check, so an unknown email cannot be told from a wrong password by timing.</summary>
    public void VerifyAgainstDummy(string password) => _hasher.VerifyHashedPassword(NoUser, _dummyHash, password);
}
