using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Strata.Data.Diagnostics;

namespace Strata.Data.Conventions;

/// <summary>
/// The command every module context sends, in place of EF's own: it puts the session's pending
/// <see cref="Sessions.TransactionPrelude"/> in front of the first command of a transaction, counts the command for its
/// scope (<see cref="CommandCounter"/>) and reports its duration to the context's <see cref="CommandDiagnostics"/>. EF command
/// interceptors could do the same, but EF then builds and dispatches an event object per stage of every command
/// (created, initialized, executing, executed, reader closing, reader disposed): about 1.6 KB and several microseconds per
/// lookup, measured in docs/performance.md. Queries, saves, raw SQL and migrations all build their commands through
/// <see cref="StrataCommandBuilderFactory"/>, so this one place sees every command.
/// </summary>
internal sealed class StrataRelationalCommand(
    RelationalCommandBuilderDependencies dependencies, string commandText, string logCommandText,
    IReadOnlyList<IRelationalParameter> parameters)
    : RelationalCommand(dependencies, commandText, logCommandText, parameters)
{
    /// <inheritdoc />
    public override DbCommand CreateDbCommand(RelationalCommandParameterObject parameterObject, Guid commandId, DbCommandMethod commandMethod)
    {
        var command = base.CreateDbCommand(parameterObject, commandId, commandMethod);
        if (parameterObject.Context is StrataDbContext { Session: { } session })
        {
            // The prelude's statements return no rows: readers, row counts and RETURNING results are unchanged.
            session.Prelude.ApplyTo(command);
            session.Commands.Increment();
        }

        return command;
    }

    /// <inheritdoc />
    public override int ExecuteNonQuery(RelationalCommandParameterObject parameterObject)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return base.ExecuteNonQuery(parameterObject);
        }
        finally
        {
            Observe(parameterObject, DbCommandMethod.ExecuteNonQuery, started);
        }
    }

    /// <inheritdoc />
    public override Task<int> ExecuteNonQueryAsync(RelationalCommandParameterObject parameterObject, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        return ObserveAsync(base.ExecuteNonQueryAsync(parameterObject, cancellationToken), parameterObject, DbCommandMethod.ExecuteNonQuery, started);
    }

    /// <inheritdoc />
    public override object? ExecuteScalar(RelationalCommandParameterObject parameterObject)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return base.ExecuteScalar(parameterObject);
        }
        finally
        {
            Observe(parameterObject, DbCommandMethod.ExecuteScalar, started);
        }
    }

    /// <inheritdoc />
    public override Task<object?> ExecuteScalarAsync(RelationalCommandParameterObject parameterObject, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        return ObserveAsync(base.ExecuteScalarAsync(parameterObject, cancellationToken), parameterObject, DbCommandMethod.ExecuteScalar, started);
    }

    /// <inheritdoc />
    public override RelationalDataReader ExecuteReader(RelationalCommandParameterObject parameterObject)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return base.ExecuteReader(parameterObject);
        }
        finally
        {
            Observe(parameterObject, DbCommandMethod.ExecuteReader, started);
        }
    }

    /// <inheritdoc />
    public override Task<RelationalDataReader> ExecuteReaderAsync(
        RelationalCommandParameterObject parameterObject, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        return ObserveAsync(base.ExecuteReaderAsync(parameterObject, cancellationToken), parameterObject, DbCommandMethod.ExecuteReader, started);
    }

    // Started by the caller before the command, so the time counts from the start whether it completes at once or later.
    private async Task<T> ObserveAsync<T>(Task<T> running, RelationalCommandParameterObject parameterObject, DbCommandMethod method, long started)
    {
        try
        {
            return await running.ConfigureAwait(false);
        }
        finally
        {
            Observe(parameterObject, method, started);
        }
    }

    // A reader's time is until its first rows are in hand, as EF's own command events measure it.
    private void Observe(RelationalCommandParameterObject parameterObject, DbCommandMethod method, long started)
    {
        if (parameterObject.Context is StrataDbContext { CommandDiagnostics: { } diagnostics } context)
        {
            diagnostics.Observe(this, context, method, Stopwatch.GetElapsedTime(started));
        }
    }
}

/// <summary>Builds <see cref="StrataRelationalCommand"/>s: EF's builder, with Strata's command as what it builds.</summary>
internal sealed class StrataCommandBuilder(RelationalCommandBuilderDependencies dependencies)
    : RelationalCommandBuilder(dependencies)
{
    /// <inheritdoc />
    public override IRelationalCommand Build()
    {
        // EF keeps the text it logs (sensitive parts left out) in the builder; take both texts from EF's own build.
        var template = base.Build();
        return new StrataRelationalCommand(Dependencies, template.CommandText, template.LogCommandText, template.Parameters);
    }
}

/// <summary>
/// Replaces EF's <see cref="IRelationalCommandBuilderFactory"/> in module contexts (<see cref="StrataCommandsExtension"/>
/// adds it), so every command they send is a <see cref="StrataRelationalCommand"/>.
/// </summary>
internal sealed class StrataCommandBuilderFactory(RelationalCommandBuilderDependencies dependencies)
    : RelationalCommandBuilderFactory(dependencies)
{
    /// <inheritdoc />
    public override IRelationalCommandBuilder Create() => new StrataCommandBuilder(Dependencies);
}
