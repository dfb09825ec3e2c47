namespace Strata.Benchmarks;

/// <summary>How this process runs the suites: measured, or the smoke run that only checks each benchmark still works.</summary>
internal static class BenchRun
{
    /// <summary>True in the smoke run (<c>--smoke</c>).</summary>
    public static bool Smoke { get; set; }

    /// <summary>
    /// How many rows to arrange where a measured run arranges <paramref name="measured"/>: the smoke run arranges at most
    /// 12 (enough for every shape a suite reads), so set-up takes moments.
    /// </summary>
    public static int Rows(int measured) => Smoke ? Math.Min(measured, 12) : measured;
}
