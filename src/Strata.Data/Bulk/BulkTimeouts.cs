using Microsoft.EntityFrameworkCore;
using Strata.Data.Configuration;
using Strata.Data.Conventions;

namespace Strata.Data.Bulk;

/// <summary>Timeouts for bulk work, which runs longer than any request's statement should.</summary>
public static class BulkTimeouts
{
    /// <summary>
    /// Lifts the statement timeouts for the rest of <paramref name="context"/>'s current transaction, until the answer
    /// is disposed: PostgreSQL's <c>statement_timeout</c> counts a <c>COPY … FROM STDIN</c> from its first row to its last,
    /// so a slow upload or a million-row merge would be cancelled half way. <c>SET LOCAL</c> ends with the transaction
    /// (safe behind PgBouncer in transaction mode); the client-side command timeout is restored on dispose. The work
    /// still stops when its caller cancels.
    /// </summary>
    public static async Task<IDisposable> LiftAsync(StrataDbContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var previous = context.Database.GetCommandTimeout();
        context.Database.SetCommandTimeout(0);
        if (context.Provider == DatabaseProvider.Postgres)
        {
            await context.Database.ExecuteSqlRawAsync("SET LOCAL statement_timeout = 0", cancellationToken);
        }

        return new CommandTimeoutRestore(context, previous);
    }

    private sealed class CommandTimeoutRestore(StrataDbContext context, int? previous) : IDisposable
    {
        public void Dispose() => context.Database.SetCommandTimeout(previous);
    }
}
