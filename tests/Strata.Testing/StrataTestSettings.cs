using System.Globalization;
using Strata.Modules.Auth.Configuration;

namespace Strata.Testing;

/// <summary>
/// What every fixture and test host is configured with before a test's own settings: cheap password hashes and the
/// passkey relying party. A test opts in to the production cost with <see cref="ProductionPasswordCost"/>; forgetting a
/// settings object can no longer turn the 220,000-iteration hash back on.
/// </summary>
public static class StrataTestSettings
{
    /// <summary>PBKDF2 iterations of password hashes in tests; production keeps <see cref="AuthOptions.PasswordIterations"/>'s default.</summary>
    public const int PasswordIterations = 1000;

    /// <summary>The relying party the tests' passkeys belong to.</summary>
    public const string PasskeyRelyingPartyId = "strata.test";

    /// <summary>The one web origin passkey ceremonies are accepted from.</summary>
    public const string PasskeyOrigin = "https://app.strata.test";

    /// <summary>The configuration key of the password hash's iteration count.</summary>
    public const string PasswordIterationsKey = $"{AuthOptions.SectionName}:{nameof(AuthOptions.PasswordIterations)}";

    /// <summary>The defaults every fixture-made service provider and test host starts from.</summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        [PasswordIterationsKey] = PasswordIterations.ToString(CultureInfo.InvariantCulture),
        [$"{PasskeyOptions.SectionName}:{nameof(PasskeyOptions.RelyingPartyId)}"] = PasskeyRelyingPartyId,
        [$"{PasskeyOptions.SectionName}:{nameof(PasskeyOptions.Origins)}:0"] = PasskeyOrigin,
        // Tests read mail through CapturingMailSender or run a dispatcher of their own; none sends from a host by accident.
        [$"{MailOptions.SectionName}:{nameof(MailOptions.Transport)}"] = nameof(MailTransportKind.PickupDirectory),
        [$"{MailOptions.SectionName}:{nameof(MailOptions.PickupDirectory)}"] = Path.Combine(Path.GetTempPath(), "strata-test-mail"),
        [$"{MailOptions.SectionName}:{nameof(MailOptions.Dispatcher)}:{nameof(MailDispatcherSettings.Enabled)}"] = "false",
    };

    /// <summary>Settings that opt a test in to the production password cost (the options' own default).</summary>
    public static IReadOnlyDictionary<string, string?> ProductionPasswordCost { get; } = new Dictionary<string, string?>
    {
        [PasswordIterationsKey] = new AuthOptions().PasswordIterations.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Merges setting dictionaries; later ones win.</summary>
    public static Dictionary<string, string?> Merge(params IReadOnlyDictionary<string, string?>?[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var merged = new Dictionary<string, string?>();
        foreach (var layer in layers)
        {
            foreach (var (key, value) in layer ?? new Dictionary<string, string?>())
            {
                merged[key] = value;
            }
        }

        return merged;
    }
}
