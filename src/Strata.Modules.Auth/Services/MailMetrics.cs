using System.Diagnostics.Metrics;

namespace Strata.Modules.Auth.Services;

/// <summary>
/// The outbox's instruments (meter <see cref="MeterName"/>): <c>strata_mail_sent_total{kind}</c>,
/// <c>strata_mail_failed_total{kind}</c> and <c>strata_mail_queue_depth</c> on <c>/metrics</c>. The depth is what the
/// last dispatcher poll of this instance counted, so reading it costs no query.
/// </summary>
public static class MailMetrics
{
    /// <summary>The meter's name, for a host's metrics set-up.</summary>
    public const string MeterName = "Strata.Mail";

    private static readonly Meter Meter = new(MeterName);
    private static long _queueDepth;

    internal static readonly Counter<long> Sent = Meter.CreateCounter<long>("strata.mail.sent", description: "Messages handed to the transport.");

    internal static readonly Counter<long> Failed = Meter.CreateCounter<long>("strata.mail.failed", description: "Messages given up on.");

    private static readonly ObservableGauge<long> QueueDepth = Meter.CreateObservableGauge(
        "strata.mail.queue_depth", () => Interlocked.Read(ref _queueDepth), description: "Messages queued or being sent, at the last poll.");

    internal static void ObserveQueueDepth(long depth) => Interlocked.Exchange(ref _queueDepth, depth);
}
