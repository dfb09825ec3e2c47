namespace Strata.Modules.Auth.Services;

/// <summary>A message to send.</summary>
/// <param name="To">Recipient address.</param>
/// <param name="Kind">What it is (<c>email_verification</c>, <c>password_reset</c>).</param>
/// <param name="Subject">Subject line.</param>
/// <param name="Body">Text body; may carry a one-time token.</param>
public sealed record OutgoingMail(string To, string Kind, string Subject, string Body);

/// <summary>
/// Sends mail. The default writes to the <c>mail_outbox</c> table (body encrypted) and logs one line; register a real
/// sender in DI to replace it.
/// </summary>
public interface IMailSender
{
    /// <summary>Sends, or queues, <paramref name="mail"/> inside the caller's transaction.</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
