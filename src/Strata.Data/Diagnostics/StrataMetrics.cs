using System.Diagnostics.Metrics;

namespace Strata.Data.Diagnostics;

/// <summary>Strata's own instruments, on the meter <c>Strata.Data</c>.</summary>
public static class StrataMetrics
{
    /// <summary>Name of the meter holding Strata's instruments.</summary>
    public const string MeterName = "Strata.Data";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Duration of every command EF sends, in seconds, tagged <c>module</c> and <c>kind</c> (<c>reader</c>, <c>non_query</c>, <c>scalar</c>).</summary>
    public static readonly Histogram<double> CommandDuration = Meter.CreateHistogram<double>(
        "strata.db.command.duration", unit: "s", description: "Duration of database commands sent by module contexts.");

    /// <summary>Units of work that ended, tagged <c>provider</c> and <c>outcome</c> (<c>committed</c>, <c>rolled_back</c>).</summary>
    public static readonly Counter<long> Transactions = Meter.CreateCounter<long>("strata.db.transactions", description: "Units of work that ended.");

    /// <summary>Whole-unit retries after transient failures, tagged <c>provider</c>.</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("strata.db.retries", description: "Units of work retried after a transient failure.");

    /// <summary>Database errors by kind (the error code), tagged <c>provider</c> and <c>code</c>.</summary>
    public static readonly Counter<long> Errors = Meter.CreateCounter<long>("strata.db.errors", description: "Database errors by kind.");
}
