namespace Strata.Modules.Auth.Services;

/// <summary>
/// Sends mail. The default writes to the <c>mail_outbox</c> table (body encrypted) and logs one line; register a real
/// sender in DI to replace it.
/// </summary>
public interface IMailSender
{
    /// <summary>Sends, or queues, <paramref name="mail"/> inside the caller's transaction.</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
