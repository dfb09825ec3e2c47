namespace Strata.Modules.Auth.Configuration;

/// <summary>Settings under <c>Strata:Auth</c>.</summary>
public sealed class AuthOptions
{
    /// <summary>Configuration section holding these settings.</summary>
    public const string SectionName = "Strata:Auth";

    /// <summary>
    /// PBKDF2-HMAC-SHA512 iterations of password hashes (ASP.NET Core Identity's V3 format). OWASP asks for at least
    /// 210,000; Strata's floor is 220,000. Tests lower it through configuration to run quickly.
    /// </summary>
    public int PasswordIterations { get; set; } = 220_000;

    /// <summary>How long a session lasts from its last renewal.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A session used this long after its last renewal is renewed for another <see cref="SessionLifetime"/>.</summary>
    public TimeSpan SessionRenewalInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long an instance answers a session from memory after looking it up (zero turns the cache off). It bounds how
    /// long another instance still accepts a session revoked elsewhere; the revoking instance stops it at once.
    /// </summary>
    public TimeSpan SessionCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long email-verification and password-reset tokens stay valid.</summary>
    public TimeSpan VerificationLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Failed sign-ins in a row before the account locks.</summary>
    public int LockoutThreshold { get; set; } = 5;

    /// <summary>First lockout; each further failure while at the threshold doubles it (capped at <see cref="MaxLockout"/>).</summary>
    public TimeSpan LockoutBase { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest lockout.</summary>
    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Smallest password length accepted.</summary>
    public int MinimumPasswordLength { get; set; } = 12;
}
