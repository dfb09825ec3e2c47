using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Data.Sessions;

namespace Strata.Data.Diagnostics;

/// <summary>
/// Watches every command EF sends: times it (<c>strata.db.command.duration</c>), counts them per scope
/// (<see cref="CommandCounter"/>) and warns about commands slower than <c>Strata:Database:SlowQueryThresholdMs</c>
/// with the SQL text and parameter names — never parameter values (nor the tenant ids of a transaction prelude).
/// </summary>
internal sealed class CommandDiagnosticsInterceptor(IOptions<StrataDatabaseOptions> options, ILogger<CommandDiagnosticsInterceptor> logger)
    : DbCommandInterceptor
{
    private readonly TimeSpan _slowThreshold = TimeSpan.FromMilliseconds(options.Value.SlowQueryThresholdMs);

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (eventData.Context is StrataDbContext { Session: { } session })
        {
            session.Commands.Increment();
        }

        return result;
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Observe(command, eventData);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Observe(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Observe(command, eventData);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Observe(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Observe(command, eventData);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Observe(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static string Kind(DbCommandMethod method) => method switch
    {
        DbCommandMethod.ExecuteReader => "reader",
        DbCommandMethod.ExecuteNonQuery => "non_query",
        _ => "scalar",
    };

    private void Observe(DbCommand command, CommandExecutedEventData eventData)
    {
        var module = eventData.Context is StrataDbContext context ? context.OwningModule.Name : "unknown";
        StrataMetrics.CommandDuration.Record(eventData.Duration.TotalSeconds,
            new KeyValuePair<string, object?>("module", module), new KeyValuePair<string, object?>("kind", Kind(eventData.ExecuteMethod)));
        if (eventData.Duration < _slowThreshold)
        {
            return;
        }

        var parameterNames = string.Join(", ", command.Parameters.Cast<DbParameter>().Select(p => p.ParameterName));
        logger.LogWarning("Slow database command ({ElapsedMs} ms, threshold {ThresholdMs} ms) in {Context}: {Sql} [parameters: {ParameterNames}]",
            (long)eventData.Duration.TotalMilliseconds, (long)_slowThreshold.TotalMilliseconds, eventData.Context?.GetType().Name,
            TransactionPrelude.WithoutPrelude(command.CommandText), parameterNames);
    }
}
