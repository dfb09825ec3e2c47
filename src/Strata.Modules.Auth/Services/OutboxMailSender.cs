using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Services;

/// <summary>
/// The default mail sender: queues the message in <c>mail_outbox</c> (body encrypted with Data Protection: it carries a
/// one-time token) and logs one line without the address or the body. A relay, or a real sender registered in DI, delivers.
/// </summary>
internal sealed class OutboxMailSender(AuthDbContext context, IDataProtectionProvider dataProtection, ILogger<OutboxMailSender> logger) : IMailSender
{
    public const string Purpose = "Strata.Auth.MailOutbox.v1";

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = new MailMessage
        {
            To = mail.To,
            Kind = mail.Kind,
            Subject = mail.Subject,
            BodyProtected = dataProtection.CreateProtector(Purpose).Protect(mail.Body),
        };
        context.MailOutbox.Add(message);
        await context.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Queued {Kind} mail {MessageId} in the outbox.", mail.Kind, message.PublicId);
    }
}
