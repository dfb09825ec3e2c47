namespace Strata.Testing;

/// <summary>Values unique across a test run, so tests sharing a PostgreSQL database never wait on each other's unique keys.</summary>
public static class UniqueNames
{
    private static int _counter;

    /// <summary><paramref name="prefix"/> followed by a run-unique suffix.</summary>
    public static string Next(string prefix) => $"{prefix} {Interlocked.Increment(ref _counter):D5}-{Guid.NewGuid().ToString("N")[..6]}";
}
