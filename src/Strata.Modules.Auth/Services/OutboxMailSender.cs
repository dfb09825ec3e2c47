using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Services;

/// <summary>
/// The default mail sender: queues the message in <c>mail_outbox</c> inside the caller's unit of work (so a unit that
/// rolls back queues nothing), both bodies encrypted with Data Protection since they carry one-time codes, and logs one
/// line without the address or the body. <see cref="MailDispatcher"/> delivers it.
/// </summary>
internal sealed class OutboxMailSender(AuthDbContext context, IDataProtectionProvider dataProtection, TimeProvider clock, ILogger<OutboxMailSender> logger) : IMailSender
{
    public const string Purpose = "Strata.Auth.MailOutbox.v1";

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var (text, html) = Seal(dataProtection, mail);
        var message = new MailMessage
        {
            To = mail.To,
            Kind = mail.Kind,
            Subject = mail.Subject,
            BodyProtected = text,
            HtmlProtected = html,
            DueAt = clock.GetUtcNow().UtcDateTime,
        };
        context.MailOutbox.Add(message);
        await context.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Queued {Kind} mail {MessageId} in the outbox.", mail.Kind, message.PublicId);
    }

    /// <summary>Both bodies encrypted as the outbox stores them (also the work a stand-in request repeats, so timing matches).</summary>
    public static (string Text, string Html) Seal(IDataProtectionProvider dataProtection, OutgoingMail mail)
    {
        var protector = dataProtection.CreateProtector(Purpose);
        return (protector.Protect(mail.Body), protector.Protect(mail.HtmlBody));
    }
}
