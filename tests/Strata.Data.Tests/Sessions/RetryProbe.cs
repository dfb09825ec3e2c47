using System.Diagnostics.Metrics;
using Strata.Data.Diagnostics;

namespace Strata.Data.Tests.Sessions;

/// <summary>Listens to <c>strata.db.retries</c> for one provider and acts on the first retry.</summary>
internal sealed class RetryProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private int _count;

    public RetryProbe(string provider, Action onFirstRetry)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StrataMetrics.MeterName && instrument.Name == "strata.db.retries")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "provider" && (string?)tag.Value == provider && Interlocked.Increment(ref _count) == 1)
                {
                    onFirstRetry();
                }
            }
        });
        _listener.Start();
    }

    public int Count => _count;

    public void Dispose() => _listener.Dispose();
}
