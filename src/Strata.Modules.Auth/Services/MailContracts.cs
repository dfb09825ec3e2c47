namespace Strata.Modules.Auth.Services;

/// <summary>A message to send: a plain-text part and an HTML part of the same content.</summary>
/// <param name="To">Recipient address.</param>
/// <param name="Kind">What it is (<c>email_verification</c>, <c>password_reset</c>, <c>workspace_invitation</c>): a metric label and a status column.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="Body">The plain-text part; may carry a one-time code.</param>
/// <param name="HtmlBody">The HTML part, with every value HTML-encoded (<see cref="MailTemplate"/> builds both).</param>
public sealed record OutgoingMail(string To, string Kind, string Subject, string Body, string HtmlBody);

/// <summary>Where a message in the outbox stands.</summary>
public static class MailStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    public const string Queued = "queued";

    /// <summary>Claimed by a dispatcher, which holds a lease on it.</summary>
    public const string Sending = "sending";

    /// <summary>Accepted by the transport; the bodies are erased.</summary>
    public const string Sent = "sent";

    /// <summary>Given up on after its attempts or a permanent refusal; kept until retried.</summary>
    public const string Failed = "failed";
}
