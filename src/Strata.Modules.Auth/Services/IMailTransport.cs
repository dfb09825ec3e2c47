using MimeKit;

namespace Strata.Modules.Auth.Services;

/// <summary>
/// Hands one message to whatever delivers it. Strata ships SMTP (MailKit) and a pickup directory; an application may
/// register its own (an HTTP mail API) in place of both.
/// </summary>
public interface IMailTransport
{
    /// <summary>Sends <paramref name="message"/>; returns the id the provider gave it, if any.</summary>
    /// <exception cref="MailTransportException">The provider refused the message or could not be reached.</exception>
    Task<string?> SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>A message the transport could not hand over.</summary>
/// <param name="message">Why, without the message's content.</param>
/// <param name="permanent">True when trying again cannot help (an SMTP 5xx refusal); the message is then failed at once.</param>
/// <param name="innerException">The transport's own exception.</param>
public sealed class MailTransportException(string message, bool permanent, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>True when trying again cannot help.</summary>
    public bool Permanent { get; } = permanent;
}
