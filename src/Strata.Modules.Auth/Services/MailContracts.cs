namespace Strata.Modules.Auth.Services;

/// <summary>A message to send.</summary>
/// <param name="To">Recipient address.</param>
/// <param name="Kind">What it is (<c>email_verification</c>, <c>password_reset</c>).</param>
/// <param name="Subject">Subject line.</param>
/// <param name="Body">Text body; may carry a one-time token.</param>
public sealed record OutgoingMail(string To, string Kind, string Subject, string Body);
