using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Configuration;
using Strata.Modules.Auth.Repositories;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Services;

/// <summary>
/// Delivers the outbox, at least once and never from two places at once: each poll claims a batch of due messages in a
/// short transaction (a lease, so the messages of an instance that stopped become due again when it runs out), hands
/// each to the <see cref="IMailTransport"/>, and records the outcome — sent (bodies erased, the provider's id kept),
/// queued again after an exponential back-off with jitter, or failed after the last attempt or a permanent refusal.
/// A broken mail server never touches request handling or readiness; it shows in the log, the metrics and
/// <c>strata mail status</c>.
/// </summary>
internal sealed partial class MailDispatcher(
    IServiceScopeFactory scopes, IMailTransport transport, IDataProtectionProvider dataProtection, IOptions<MailOptions> options, TimeProvider clock,
    ILogger<MailDispatcher> logger) : BackgroundService
{
    private readonly MailDispatcherSettings _settings = options.Value.Dispatcher;
    private readonly MailboxAddress _from = MailboxAddress.Parse(options.Value.From);
    private readonly TimeSpan _sendTimeout = options.Value.Smtp.Timeout;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_settings.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await DispatchBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database may be down; the next poll tries again and nothing claimed is lost (its lease runs out).
                LogPollFailed(logger, ex);
            }

            if (handled < _settings.BatchSize)
            {
                await Task.Delay(_settings.PollInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Claims one batch and delivers it; returns how many messages it claimed.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutboxRepository>();
        var now = clock.GetUtcNow().UtcDateTime;
        var leasedUntil = now + _settings.Lease;
        var claimed = await database.InTransactionAsync(token => outbox.ClaimAsync(_settings.BatchSize, now, leasedUntil, token), cancellationToken: cancellationToken);
        for (var i = 0; i < claimed.Count; i++)
        {
            // Stopping, or too little lease left to finish one more send: hand the rest back untried rather than let
            // another instance claim a message this one may still be sending.
            if (cancellationToken.IsCancellationRequested || clock.GetUtcNow().UtcDateTime + _sendTimeout >= leasedUntil)
            {
                var rest = claimed.Skip(i).ToList();
                await database.InTransactionAsync(token => ReleaseAsync(outbox, rest, token), cancellationToken: CancellationToken.None);
                break;
            }

            await DeliverAsync(database, outbox, claimed[i]);
        }

        MailMetrics.ObserveQueueDepth(await outbox.QueueDepthAsync(CancellationToken.None));
        return claimed.Count;
    }

    private static async Task ReleaseAsync(MailOutboxRepository outbox, List<MailMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await outbox.ReleaseAsync(message.Id, message.Attempts, cancellationToken);
        }
    }

    // Outcomes are recorded whatever the host is doing: a send the server accepted must not be sent again because
    // shutdown cancelled its bookkeeping.
    private async Task DeliverAsync(DatabaseSession database, MailOutboxRepository outbox, MailMessage message)
    {
        var kind = new KeyValuePair<string, object?>("kind", message.Kind);
        string? providerId;
        try
        {
            // A message claimed again and again without an outcome (its sends crash the process) is given up on.
            providerId = message.Attempts > _settings.MaxAttempts
                ? throw new MailTransportException($"Claimed {message.Attempts} times without an outcome.", permanent: true)
                : await transport.SendAsync(Compose(message), CancellationToken.None);
        }
        catch (Exception ex)
        {
            var (permanent, error) = Classify(ex);
            var now = clock.GetUtcNow().UtcDateTime;
            var retryAt = permanent || message.Attempts >= _settings.MaxAttempts ? (DateTime?)null : now + Backoff(message.Attempts);
            if (await database.InTransactionAsync(
                    token => outbox.RecordFailureAsync(message.Id, message.Attempts, now, retryAt, Truncate(error), token), cancellationToken: CancellationToken.None))
            {
                if (retryAt is null)
                {
                    MailMetrics.Failed.Add(1, kind);
                    LogFailed(logger, message.Kind, message.PublicId, message.Attempts, error);
                }
                else
                {
                    LogRetrying(logger, message.Kind, message.PublicId, message.Attempts, _settings.MaxAttempts, retryAt.Value, error);
                }
            }

            return;
        }

        var sentAt = clock.GetUtcNow().UtcDateTime;
        var recorded = await database.InTransactionAsync(token => outbox.CompleteAsync(
            message.Id, message.Attempts, sentAt, providerId is null ? null : Truncate(providerId, MailMessageConfiguration.ProviderMessageIdLength), token), cancellationToken: CancellationToken.None);
        MailMetrics.Sent.Add(1, kind);
        if (!recorded)
        {
            // Only when this instance held the message past its lease: another claimed it and may send it again.
            LogLeaseLost(logger, message.Kind, message.PublicId);
        }
    }

    /// <summary>
    /// Whether trying again can help, and why it failed in words fit for the log: no address, no body. A message that
    /// cannot be composed or decrypted fails at once; anything unforeseen is retried like a transport failure.
    /// </summary>
    private static (bool Permanent, string Error) Classify(Exception exception) => exception switch
    {
        MailTransportException transport => (transport.Permanent, transport.Message),
        CryptographicException => (true, "The body cannot be decrypted with the key ring."),
        ParseException => (true, "The recipient or the sender is not a valid mailbox."),
        _ => (false, $"Unexpected {exception.GetType().Name} while sending."),
    };

    /// <summary>The MIME message: both parts, and a Message-Id fixed per outbox row, so a repeat delivery is recognisable as one.</summary>
    private MimeMessage Compose(MailMessage message)
    {
        var protector = dataProtection.CreateProtector(OutboxMailSender.Purpose);
        // Messages queued before the outbox kept an HTML part have only the text.
        var html = message.HtmlProtected.Length == 0 ? null : protector.Unprotect(message.HtmlProtected);
        var body = new BodyBuilder { TextBody = protector.Unprotect(message.BodyProtected), HtmlBody = html };
        var mime = new MimeMessage { Subject = message.Subject, Body = body.ToMessageBody(), MessageId = $"{message.PublicId:N}@{_from.Domain}" };
        mime.From.Add(_from);
        mime.To.Add(MailboxAddress.Parse(message.To));
        return mime;
    }

    /// <summary>Base × 2^(attempt − 1), capped, then between half and all of it ("equal jitter"), so retries spread out.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var exponential = _settings.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        var capped = Math.Min(exponential, _settings.RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
    }

    private static string Truncate(string value, int length = MailMessageConfiguration.LastErrorLength) =>
        value.Length <= length ? value : value[..length];

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Could not send {Kind} mail {MessageId} (attempt {Attempt} of {MaxAttempts}); next attempt at {RetryAt:u}: {Error}")]
    private static partial void LogRetrying(ILogger logger, string kind, Guid messageId, int attempt, int maxAttempts, DateTime retryAt, string error);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Gave up on {Kind} mail {MessageId} after {Attempts} attempt(s): {Error}")]
    private static partial void LogFailed(ILogger logger, string kind, Guid messageId, int attempts, string error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Sent {Kind} mail {MessageId} after its lease ran out; another dispatcher may send it again. Raise Strata:Mail:Dispatcher:Lease.")]
    private static partial void LogLeaseLost(ILogger logger, string kind, Guid messageId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The mail dispatcher could not poll the outbox; it tries again.")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
