using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Strata.Modules.Auth.Schema;
using Strata.Modules.Auth.Services;

namespace Strata.Modules.Auth.Tests;

/// <summary>
/// How much cryptographic work a flow did, counted by decorators around the real services (the real work still
/// happens): Data Protection protects, one-time secrets made and hashed, password hashes made and verified.
/// </summary>
internal sealed class WorkCounters
{
    private int _protects;
    private int _secretsIssued;
    private int _secretHashes;
    private int _passwordHashes;
    private int _passwordVerifications;

    public WorkSnapshot Snapshot() => new(_protects, _secretsIssued, _secretHashes, _passwordHashes, _passwordVerifications);

    /// <summary>Wraps the registered services with counting decorators.</summary>
    public void Register(IServiceCollection services)
    {
        Decorate<IDataProtectionProvider>(services, inner => new CountingProvider(inner, this));
        Decorate<ISecretTokenSource>(services, inner => new CountingSecrets(inner, this));
        Decorate<IPasswordHasher<User>>(services, inner => new CountingHasher(inner, this));
    }

    private static void Decorate<TService>(IServiceCollection services, Func<TService, TService> decorate)
        where TService : class
    {
        var original = services.Last(d => d.ServiceType == typeof(TService));
        services.Remove(original);
        services.Add(new ServiceDescriptor(typeof(TService), sp => decorate((TService)(original.ImplementationInstance
            ?? original.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!))), original.Lifetime));
    }

    private sealed class CountingProvider(IDataProtectionProvider inner, WorkCounters counters) : IDataProtectionProvider
    {
        public IDataProtector CreateProtector(string purpose) => new CountingProtector(inner.CreateProtector(purpose), counters);
    }

    private sealed class CountingProtector(IDataProtector inner, WorkCounters counters) : IDataProtector
    {
        public IDataProtector CreateProtector(string purpose) => new CountingProtector(inner.CreateProtector(purpose), counters);

        public byte[] Protect(byte[] plaintext)
        {
            Interlocked.Increment(ref counters._protects);
            return inner.Protect(plaintext);
        }

        public byte[] Unprotect(byte[] protectedData) => inner.Unprotect(protectedData);
    }

    private sealed class CountingSecrets(ISecretTokenSource inner, WorkCounters counters) : ISecretTokenSource
    {
        public string New()
        {
            Interlocked.Increment(ref counters._secretsIssued);
            return inner.New();
        }

        public string Hash(string token)
        {
            Interlocked.Increment(ref counters._secretHashes);
            return inner.Hash(token);
        }
    }

    private sealed class CountingHasher(IPasswordHasher<User> inner, WorkCounters counters) : IPasswordHasher<User>
    {
        public string HashPassword(User user, string password)
        {
            Interlocked.Increment(ref counters._passwordHashes);
            return inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref counters._passwordVerifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>Counts at one moment; subtract two for the work in between.</summary>
internal sealed record WorkSnapshot(int Protects, int SecretsIssued, int SecretHashes, int PasswordHashes, int PasswordVerifications)
{
    public static WorkSnapshot operator -(WorkSnapshot after, WorkSnapshot before) => new(
        after.Protects - before.Protects, after.SecretsIssued - before.SecretsIssued, after.SecretHashes - before.SecretHashes,
        after.PasswordHashes - before.PasswordHashes, after.PasswordVerifications - before.PasswordVerifications);
}
