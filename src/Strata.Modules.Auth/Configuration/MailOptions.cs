namespace Strata.Modules.Auth.Configuration;

/// <summary>How queued mail leaves the outbox: <see cref="MailTransportKind.Smtp"/> or a pickup directory of <c>.eml</c> files.</summary>
public enum MailTransportKind
{
    /// <summary>Each message written as an <c>.eml</c> file into <see cref="MailOptions.PickupDirectory"/>.</summary>
    PickupDirectory,

    /// <summary>Each message handed to an SMTP server through MailKit (<see cref="MailOptions.Smtp"/>).</summary>
    Smtp,
}

/// <summary>How the SMTP connection is secured (MailKit's <c>SecureSocketOptions</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>TLS on connect for port 465, else STARTTLS when the server offers it.</summary>
    Auto,

    /// <summary>Plain text: only for a relay on the same host or a test server.</summary>
    None,

    /// <summary>STARTTLS, required: the connection fails rather than continue in plain text.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}

/// <summary>
/// Settings under <c>Strata:Mail</c>: the transport, the sender, the base of the links in messages, and how the outbox
/// dispatcher retries. Validated at start-up by <see cref="MailOptionsValidator"/>, every message naming the setting.
/// </summary>
public sealed class MailOptions
{
    /// <summary>Configuration section holding these settings.</summary>
    public const string SectionName = "Strata:Mail";

    /// <summary>
    /// The transport. Unset, Development writes <c>.eml</c> files (<see cref="MailTransportKind.PickupDirectory"/>) and every
    /// other environment sends over SMTP: a production host writes files only when told to, explicitly.
    /// </summary>
    public MailTransportKind? Transport { get; set; }

    /// <summary>The From mailbox (<c>Strata &lt;no-reply@example.com&gt;</c>).</summary>
    public string From { get; set; } = "Strata <no-reply@localhost>";

    /// <summary>Absolute http(s) URL the links in messages start with: the application users open (<c>https://app.example.com</c>).</summary>
    public string LinkBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Where the pickup transport writes, relative to the host's content root unless absolute.</summary>
    public string PickupDirectory { get; set; } = "mail";

    /// <summary>The SMTP server.</summary>
    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>The outbox dispatcher.</summary>
    public MailDispatcherSettings Dispatcher { get; set; } = new();

    /// <summary>The transport in effect: <see cref="Transport"/>, or the environment's default.</summary>
    public MailTransportKind EffectiveTransport(bool isDevelopment) => Transport ?? (isDevelopment ? MailTransportKind.PickupDirectory : MailTransportKind.Smtp);
}

/// <summary>Settings under <c>Strata:Mail:Smtp</c>.</summary>
public sealed class SmtpSettings
{
    /// <summary>Host name or address of the SMTP server; required with the SMTP transport.</summary>
    public string? Host { get; set; }

    /// <summary>Port: 587 (submission with STARTTLS) unless set.</summary>
    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>User name, when the server wants authentication (then <see cref="Password"/> too).</summary>
    public string? UserName { get; set; }

    /// <summary>Password for <see cref="UserName"/>; supply it from a secret store or the environment, never a committed file.</summary>
    public string? Password { get; set; }

    /// <summary>How long one connect, authenticate and send may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Settings under <c>Strata:Mail:Dispatcher</c>.</summary>
public sealed class MailDispatcherSettings
{
    /// <summary>Whether this host runs the dispatcher (several hosts may; each mail is still sent once).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the outbox is checked for due mail when the last check found none.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How many messages one claim takes.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// How long a claim holds its messages: longer than sending a batch takes, so another instance takes them over only
    /// from an instance that stopped.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before a message is marked failed (a permanent refusal, SMTP 5xx, fails at once).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed attempt; it doubles with each further one, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between attempts.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);
}
