using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Strata.Modules.Auth.Configuration;

/// <summary>Validates <see cref="MailOptions"/> at start-up; every message names the setting to fix.</summary>
internal sealed class MailOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<MailOptions>
{
    private const string Section = MailOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        if (!MailboxAddress.TryParse(options.From, out _))
        {
            failures.Add($"{Section}:From '{options.From}' is not a mailbox (e.g. 'Strata <no-reply@example.com>').");
        }

        if (!Uri.TryCreate(options.LinkBaseUrl, UriKind.Absolute, out var links) || links.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(links.Query))
        {
            failures.Add($"{Section}:LinkBaseUrl '{options.LinkBaseUrl}' must be an absolute http(s) URL without a query (e.g. https://app.example.com).");
        }

        var transport = options.EffectiveTransport(environment?.IsDevelopment() ?? false);
        if (transport == MailTransportKind.PickupDirectory && string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            failures.Add($"{Section}:PickupDirectory is required with the pickup transport.");
        }

        if (transport == MailTransportKind.Smtp)
        {
            ValidateSmtp(options.Smtp, options.Transport is null, failures);
        }

        ValidateDispatcher(options.Dispatcher, failures);
        // The dispatcher hands back what it cannot finish within its lease; a lease shorter than one send would hand
        // back everything, every time.
        if (options.Dispatcher.Lease <= options.Smtp.Timeout)
        {
            failures.Add($"{Section}:Dispatcher:Lease must be longer than {Section}:Smtp:Timeout (one send).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSmtp(SmtpSettings smtp, bool byDefault, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            failures.Add(byDefault
                ? $"{Section}:Smtp:Host is required: outside Development mail is sent over SMTP (set {Section}:Transport to PickupDirectory to write .eml files instead)."
                : $"{Section}:Smtp:Host is required with the SMTP transport.");
        }
        else if (Uri.CheckHostName(smtp.Host) == UriHostNameType.Unknown)
        {
            failures.Add($"{Section}:Smtp:Host '{smtp.Host}' is not a host name or address.");
        }

        if (smtp.Port is < 1 or > 65535)
        {
            failures.Add($"{Section}:Smtp:Port must be between 1 and 65535.");
        }

        if (!Enum.IsDefined(smtp.Security))
        {
            failures.Add($"{Section}:Smtp:Security must be Auto, None, StartTls or SslOnConnect.");
        }

        if (string.IsNullOrEmpty(smtp.UserName) != string.IsNullOrEmpty(smtp.Password))
        {
            failures.Add($"{Section}:Smtp:UserName and {Section}:Smtp:Password go together: set both or neither.");
        }

        if (smtp.Timeout <= TimeSpan.Zero || smtp.Timeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Section}:Smtp:Timeout must be more than zero and at most 5 minutes.");
        }
    }

    private static void ValidateDispatcher(MailDispatcherSettings dispatcher, List<string> failures)
    {
        if (dispatcher.PollInterval < TimeSpan.FromMilliseconds(10) || dispatcher.PollInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:Dispatcher:PollInterval must be between 10 ms and 1 hour.");
        }

        if (dispatcher.BatchSize is < 1 or > 1000)
        {
            failures.Add($"{Section}:Dispatcher:BatchSize must be between 1 and 1000.");
        }

        if (dispatcher.Lease < TimeSpan.FromSeconds(1) || dispatcher.Lease > TimeSpan.FromDays(1))
        {
            failures.Add($"{Section}:Dispatcher:Lease must be between 1 second and 1 day.");
        }

        if (dispatcher.MaxAttempts is < 1 or > 100)
        {
            failures.Add($"{Section}:Dispatcher:MaxAttempts must be between 1 and 100.");
        }

        if (dispatcher.RetryBaseDelay <= TimeSpan.Zero || dispatcher.RetryMaxDelay < dispatcher.RetryBaseDelay || dispatcher.RetryMaxDelay > TimeSpan.FromDays(7))
        {
            failures.Add($"{Section}:Dispatcher:RetryBaseDelay must be more than zero and {Section}:Dispatcher:RetryMaxDelay at least as long (at most 7 days).");
        }
    }
}
