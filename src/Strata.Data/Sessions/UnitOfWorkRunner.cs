using System.Data;
using System.Data.Common;
using Polly;
using Strata.Data.Configuration;
using Strata.Data.Diagnostics;
using Strata.Data.Errors;

namespace Strata.Data.Sessions;

/// <summary>
/// Runs the units of work of one <see cref="DatabaseSession"/>: the outermost unit begins a transaction, is retried
/// whole on transient failures and commits; a nested unit joins it, or runs inside a savepoint when asked; under an
/// ambient (test) transaction the outermost unit becomes a savepoint with its own retries. Every transaction it begins
/// (and every ambient unit) carries the scope's tenant as transaction-local settings on PostgreSQL, sent as a prefix of
/// the unit's first command (<see cref="TransactionPrelude"/>) rather than as a command of its own.
/// </summary>
internal sealed class UnitOfWorkRunner(DatabaseSession session, ResiliencePipeline retry)
{
    private int _depth;
    private int _savepoints;
    private bool _ambient;

    /// <inheritdoc cref="DatabaseSession.InTransactionAsync{T}"/>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, TransactionOptions options, CancellationToken cancellationToken)
    {
        try
        {
            if (session.CurrentTransaction is null)
            {
                return options.Replayable
                    ? await retry.ExecuteAsync(async token => await RunOutermostAsync(work, options, token), cancellationToken)
                    : await RunOutermostAsync(work, options, cancellationToken);
            }

            // Under an ambient (test) transaction the caller's outermost unit still behaves as a unit: a savepoint
            // with its own retries, so a failure rolls back only that unit and leaves the ambient transaction usable.
            var unitOfWork = _ambient && _depth == 0;
            if (unitOfWork)
            {
                return options.Replayable
                    ? await retry.ExecuteAsync(async token => await RunInSavepointAsync(work, applyTenant: true, token), cancellationToken)
                    : await RunInSavepointAsync(work, applyTenant: true, cancellationToken);
            }

            return options.Savepoint
                ? await RunInSavepointAsync(work, applyTenant: false, cancellationToken)
                : await RunJoinedAsync(work, cancellationToken);
        }
        catch (Exception ex) when (ex is not StrataError && DatabaseErrorTranslator.Translate(ex, session.Models) is { } error)
        {
            StrataMetrics.Errors.Add(1, new("provider", session.Provider.ToString()), new("code", error.Code));
            throw error;
        }
    }

    /// <summary>
    /// Opens a transaction that stays open until the session is disposed, then rolls back: test isolation.
    /// Units run inside it become savepoints.
    /// </summary>
    public async Task BeginAmbientAsync(CancellationToken cancellationToken)
    {
        await session.BeginTransactionAsync(IsolationLevel.Unspecified, readOnly: false, cancellationToken);
        _ambient = true;
        QueueTenant(readOnly: false);
    }

    private async Task<T> RunOutermostAsync<T>(Func<CancellationToken, Task<T>> work, TransactionOptions options, CancellationToken cancellationToken)
    {
        var transaction = await session.BeginTransactionAsync(options.IsolationLevel ?? IsolationLevel.Unspecified, options.ReadOnly, cancellationToken);
        _depth++;
        try
        {
            QueueTenant(options.ReadOnly);
            var result = await work(cancellationToken);
            await session.SaveChangesAsync(cancellationToken);
            try
            {
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbException ex)
            {
                throw new CommitOutcomeUnknownException(ex);
            }

            StrataMetrics.Transactions.Add(1, new("provider", session.Provider.ToString()), new("outcome", "committed"));
            return result;
        }
        catch
        {
            await session.RollbackQuietlyAsync();
            StrataMetrics.Transactions.Add(1, new("provider", session.Provider.ToString()), new("outcome", "rolled_back"));
            throw;
        }
        finally
        {
            _depth--;
            await session.EndTransactionAsync();
        }
    }

    private async Task<T> RunInSavepointAsync<T>(Func<CancellationToken, Task<T>> work, bool applyTenant, CancellationToken cancellationToken)
    {
        // Saved first so a rollback to the savepoint cannot drop the outer unit's pending changes with it.
        await session.SaveChangesAsync(cancellationToken);
        var transaction = session.CurrentTransaction!;
        var savepoint = $"strata_sp_{++_savepoints}";
        var preludeAtSavepoint = session.Prelude.Pending;
        await transaction.SaveAsync(savepoint, cancellationToken);
        _depth++;
        try
        {
            if (applyTenant)
            {
                QueueTenant(readOnly: false);
            }

            var result = await work(cancellationToken);
            await session.SaveChangesAsync(cancellationToken);
            await transaction.ReleaseAsync(savepoint, cancellationToken);
            return result;
        }
        catch
        {
            await transaction.RollbackAsync(savepoint, CancellationToken.None);
            session.Prelude.RestoreAfterRollback(preludeAtSavepoint);
            session.DiscardTrackedChanges();
            throw;
        }
        finally
        {
            _depth--;
        }
    }

    private async Task<T> RunJoinedAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        _depth++;
        try
        {
            return await work(cancellationToken);
        }
        finally
        {
            _depth--;
        }
    }

    // Transaction-local settings: they vanish at commit or rollback, so a pooled connection (or PgBouncer in
    // transaction mode) never carries one tenant's context into another's work. They ride in front of the unit's first
    // statement (after the BEGIN Npgsql already pipelines), so setting them costs no round trip of its own.
    private void QueueTenant(bool readOnly)
    {
        if (session.Provider == DatabaseProvider.Postgres && (session.Tenant.IsSet || _ambient || readOnly))
        {
            session.Prelude.Queue(TransactionPrelude.For(session.Tenant, readOnly));
        }
    }
}
