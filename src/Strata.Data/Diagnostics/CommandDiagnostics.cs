using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.Data.Configuration;
using Strata.Data.Conventions;

namespace Strata.Data.Diagnostics;

/// <summary>
/// What Strata records about every command EF sends (<see cref="StrataRelationalCommand"/> reports each): its duration
/// (<c>strata.db.command.duration</c>) and a warning for commands slower than
/// <c>Strata:Database:SlowQueryThresholdMs</c> with the SQL text and parameter names — never parameter values (nor
/// the tenant ids of a transaction prelude, which the command's own text does not carry).
/// </summary>
internal sealed partial class CommandDiagnostics(IOptions<StrataDatabaseOptions> options, ILogger<CommandDiagnostics> logger)
{
    private readonly TimeSpan _slowThreshold = TimeSpan.FromMilliseconds(options.Value.SlowQueryThresholdMs);

    /// <summary>Records one command that ran for <paramref name="elapsed"/>, whether it succeeded or failed.</summary>
    public void Observe(IRelationalCommand command, StrataDbContext context, DbCommandMethod method, TimeSpan elapsed)
    {
        StrataMetrics.CommandDuration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("module", context.OwningModule.Name),
            new KeyValuePair<string, object?>("kind", Kind(method)));
        if (elapsed < _slowThreshold)
        {
            return;
        }

        LogSlowCommand((long)elapsed.TotalMilliseconds, (long)_slowThreshold.TotalMilliseconds, context.GetType().Name, command.CommandText,
            string.Join(", ", command.Parameters.Select(p => p.InvariantName)));
    }

    private static string Kind(DbCommandMethod method) => method switch
    {
        DbCommandMethod.ExecuteReader => "reader",
        DbCommandMethod.ExecuteNonQuery => "non_query",
        _ => "scalar",
    };

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Slow database command ({ElapsedMs} ms, threshold {ThresholdMs} ms) in {Context}: {Sql} [parameters: {ParameterNames}]")]
    private partial void LogSlowCommand(long elapsedMs, long thresholdMs, string context, string sql, string parameterNames);
}
