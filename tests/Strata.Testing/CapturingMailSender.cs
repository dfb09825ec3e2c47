using System.Collections.Concurrent;
using Strata.Modules.Auth.Services;

namespace Strata.Testing;

/// <summary>A mail sender that keeps messages for the test to read the one-time codes.</summary>
public sealed class CapturingMailSender : IMailSender
{
    /// <summary>Every message sent, in order.</summary>
    public ConcurrentQueue<OutgoingMail> Sent { get; } = new();

    /// <inheritdoc />
    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue(mail);
        return Task.CompletedTask;
    }

    /// <summary>The code in the last message of <paramref name="kind"/> to <paramref name="to"/>.</summary>
    public string LastCode(string to, string kind) => Mail.MailCodes.In(Sent.Last(m => m.To == to && m.Kind == kind).Body);
}
