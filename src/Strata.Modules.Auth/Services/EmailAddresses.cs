namespace Strata.Modules.Auth.Services;

/// <summary>
/// What Strata takes for an email address, written once: sign-up and invitations, at the route and in the services,
/// and the columns that store one. Deliberately loose — one <c>@</c> with something on each side, as ASP.NET Core's
/// <c>[EmailAddress]</c> checks — because only a mail that arrives proves an address, and verification does that.
/// </summary>
public static class EmailAddresses
{
    /// <summary>Longest address: 64 characters of local part, the <c>@</c>, and 255 of domain (RFC 5321).</summary>
    public const int MaxLength = 320;

    /// <summary>One <c>@</c>, neither first nor last; says nothing about length or blankness.</summary>
    public static bool IsWellFormed(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < value.Length - 1 && at == value.LastIndexOf('@');
    }

    /// <summary>True for a non-blank, well-formed address of at most <see cref="MaxLength"/> characters.</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= MaxLength && IsWellFormed(value);
}
