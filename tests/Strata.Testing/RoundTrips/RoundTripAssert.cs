using Xunit;

namespace Strata.Testing.RoundTrips;

/// <summary>Assertions on counted round trips that say what the expected count stands for and what was sent.</summary>
public static class RoundTripAssert
{
    /// <summary>
    /// Fails unless <paramref name="proxy"/> counted <paramref name="expected"/> round trips since its last reset;
    /// <paramref name="meaning"/> spells the expected trips out (<c>"BEGIN+context+query, COMMIT"</c>), and the
    /// failure lists the statements of every trip counted.
    /// </summary>
    public static void Trips(int expected, RoundTripProxy proxy, string meaning)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        var counted = proxy.Count;
        Assert.True(counted == expected,
            $"expected {expected} round trip{(expected == 1 ? string.Empty : "s")}: {meaning}; counted {counted}:"
            + string.Concat(proxy.Trips.Select((trip, i) =>
                $"{Environment.NewLine}  {i + 1}. {(trip.Count == 0 ? "(no statement text)" : string.Join(" + ", trip))}")));
    }
}
