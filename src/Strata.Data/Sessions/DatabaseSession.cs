using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Data.Diagnostics;
using Strata.Data.Errors;
using Strata.Data.Modules;
using Strata.Data.Repositories;

namespace Strata.Data.Sessions;

/// <summary>
/// The unit-of-work boundary of one DI scope (an HTTP request, a CLI command). It owns one connection that every
/// module DbContext of the scope shares, so one transaction can span modules. <see cref="InTransactionAsync{T}"/>
/// begins a transaction or joins the current one; a whole unit is retried on transient failures.
/// </summary>
public sealed class DatabaseSession : IAsyncDisposable, IDisposable
{
    private readonly DatabaseConnectionFactory _connections;
    private readonly ModuleRegistry _registry;
    private readonly StrataDatabaseOptions _options;
    private readonly ModuleContextPool _contextPool;
    private readonly ILogger<DatabaseSession> _logger;
    private readonly ResiliencePipeline _retry;
    private readonly Dictionary<Type, StrataDbContext> _contexts = [];
    private DbConnection? _connection;
    private DbTransaction? _transaction;
    private DatabaseRole _role = DatabaseRole.Application;
    private int _depth;
    private int _savepoints;
    private bool _ambient;
    private int _commandsExecuted;

    internal DatabaseSession(
        DatabaseConnectionFactory connections,
        ModuleRegistry registry,
        IOptions<StrataDatabaseOptions> options,
        TenantContext tenant,
        ModuleContextPool contextPool,
        PagingCursorCodec cursors,
        TimeProvider clock,
        UnitOfWorkRetry retry,
        ILogger<DatabaseSession> logger)
    {
        Cursors = cursors;
        Clock = clock;
        _connections = connections;
        _registry = registry;
        _options = options.Value;
        _contextPool = contextPool;
        _logger = logger;
        Tenant = tenant;
        _retry = retry.Pipeline;
    }

    /// <summary>The provider this session talks to.</summary>
    public DatabaseProvider Provider => _connections.Provider;

    /// <summary>Who the scope acts for.</summary>
    public TenantContext Tenant { get; }

    /// <summary>True while a transaction is open.</summary>
    public bool InTransaction => _transaction is not null;

    /// <summary>The scope's connection, created on first use; EF opens it per command outside transactions.</summary>
    public DbConnection Connection => _connection ??= _connections.Create(_role);

    /// <summary>How many commands this scope's contexts have sent (EF commands; not Strata's own bookkeeping).</summary>
    public int CommandsExecuted => _commandsExecuted;

    internal DbTransaction? CurrentTransaction => _transaction;

    internal PagingCursorCodec Cursors { get; }

    internal TimeProvider Clock { get; }

    internal IEnumerable<IModel> Models => _contexts.Values.Select(c => c.Model);

    internal void CountCommand() => Interlocked.Increment(ref _commandsExecuted);

    /// <summary>Connects as the owner role instead of the application role (migrations, seeding).</summary>
    /// <exception cref="InvalidOperationException">The connection already exists.</exception>
    internal void UseOwnerRole()
    {
        if (_connection is not null)
        {
            throw new InvalidOperationException("The session's role must be chosen before its connection is created.");
        }

        _role = DatabaseRole.Owner;
    }

    /// <summary>The scope's instance of a module context, enlisted in the current transaction.</summary>
    public TContext GetContext<TContext>()
        where TContext : StrataDbContext => (TContext)GetContext(typeof(TContext));

    /// <summary>The scope's instance of the module context <paramref name="contextType"/>.</summary>
    public StrataDbContext GetContext(Type contextType)
    {
        ArgumentNullException.ThrowIfNull(contextType);
        if (_contexts.TryGetValue(contextType, out var existing))
        {
            return existing;
        }

        var module = _registry.ForContext(contextType);
        var context = _contextPool.Rent(module, Provider);
        context.Lease(this);
        context.Database.SetDbConnection(Connection, contextOwnsConnection: false);
        if (_transaction is not null)
        {
            context.Database.UseTransaction(_transaction);
        }

        _contexts[contextType] = context;
        return context;
    }

    /// <summary>
    /// Runs <paramref name="work"/> as one unit: begins a transaction (retrying the whole unit on serialization
    /// failures, deadlocks, connection loss before commit and SQLite busy), or joins the current one — inside a
    /// savepoint when <see cref="TransactionOptions.Savepoint"/> asks. Pending changes of every context are saved
    /// before commit. Database failures surface as <see cref="StrataError"/>s.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(
        Func<CancellationToken, Task<T>> work, TransactionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        options ??= TransactionOptions.Default;
        try
        {
            if (_transaction is null)
            {
                return await _retry.ExecuteAsync(async token => await RunOutermostAsync(work, options, token), cancellationToken);
            }

            // Under an ambient (test) transaction the caller's outermost unit still behaves as a unit: a savepoint
            // with its own retries, so a failure rolls back only that unit and leaves the ambient transaction usable.
            var unitOfWork = _ambient && _depth == 0;
            if (unitOfWork)
            {
                return await _retry.ExecuteAsync(async token => await RunInSavepointAsync(work, applyTenant: true, token), cancellationToken);
            }

            return options.Savepoint
                ? await RunInSavepointAsync(work, applyTenant: false, cancellationToken)
                : await RunJoinedAsync(work, cancellationToken);
        }
        catch (Exception ex) when (ex is not StrataError && DatabaseErrorTranslator.Translate(ex, Models) is { } error)
        {
            StrataMetrics.Errors.Add(1, new("provider", Provider.ToString()), new("code", error.Code));
            throw error;
        }
    }

    /// <inheritdoc cref="InTransactionAsync{T}"/>
    public Task InTransactionAsync(
        Func<CancellationToken, Task> work, TransactionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return InTransactionAsync(async token =>
        {
            await work(token);
            return true;
        }, options, cancellationToken);
    }

    /// <summary>Saves pending changes of every context of the scope.</summary>
    public async Task SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        foreach (var context in _contexts.Values)
        {
            if (context.ChangeTracker.HasChanges())
            {
                await context.SaveChangesAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// Opens a transaction that stays open until the session is disposed, then rolls back: test isolation.
    /// Units run inside it become savepoints.
    /// </summary>
    internal async Task BeginAmbientTransactionAsync(CancellationToken cancellationToken)
    {
        await BeginAsync(IsolationLevel.Unspecified, readOnly: false, cancellationToken);
        _ambient = true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Roll back first, so no context goes back to its pool still enlisted in a live transaction.
        if (_transaction is not null)
        {
            await RollbackQuietlyAsync();
            await _transaction.DisposeAsync();
            _transaction = null;
        }

        foreach (var context in _contexts.Values)
        {
            await context.ReleaseAsync();
        }

        _contexts.Clear();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    /// <inheritdoc />
    /// <remarks>For callers that dispose scopes synchronously (ASP.NET Core Data Protection's key repository does).</remarks>
    public void Dispose()
    {
        if (_transaction is not null)
        {
            try
            {
                if (_transaction.Connection is not null)
                {
                    _transaction.Rollback();
                }
            }
            catch (DbException ex)
            {
                _logger.LogDebug(ex, "Rollback failed; the transaction ends with its connection.");
            }

            _transaction.Dispose();
            _transaction = null;
        }

        foreach (var context in _contexts.Values)
        {
            context.ReleaseAsync().AsTask().GetAwaiter().GetResult();
        }

        _contexts.Clear();
        _connection?.Dispose();
    }

    private async Task<T> RunOutermostAsync<T>(Func<CancellationToken, Task<T>> work, TransactionOptions options, CancellationToken cancellationToken)
    {
        await BeginAsync(options.IsolationLevel ?? IsolationLevel.Unspecified, options.ReadOnly, cancellationToken);
        _depth++;
        try
        {
            var result = await work(cancellationToken);
            await SaveChangesAsync(cancellationToken);
            try
            {
                await _transaction!.CommitAsync(cancellationToken);
            }
            catch (DbException ex)
            {
                throw new CommitOutcomeUnknownException(ex);
            }

            StrataMetrics.Transactions.Add(1, new("provider", Provider.ToString()), new("outcome", "committed"));
            return result;
        }
        catch
        {
            await RollbackQuietlyAsync();
            StrataMetrics.Transactions.Add(1, new("provider", Provider.ToString()), new("outcome", "rolled_back"));
            throw;
        }
        finally
        {
            _depth--;
            await EndTransactionAsync();
        }
    }

    private async Task<T> RunInSavepointAsync<T>(Func<CancellationToken, Task<T>> work, bool applyTenant, CancellationToken cancellationToken)
    {
        // Saved first so a rollback to the savepoint cannot drop the outer unit's pending changes with it.
        await SaveChangesAsync(cancellationToken);
        var savepoint = $"strata_sp_{++_savepoints}";
        await _transaction!.SaveAsync(savepoint, cancellationToken);
        _depth++;
        try
        {
            if (applyTenant)
            {
                await ApplyTenantAsync(cancellationToken);
            }

            var result = await work(cancellationToken);
            await SaveChangesAsync(cancellationToken);
            await _transaction.ReleaseAsync(savepoint, cancellationToken);
            return result;
        }
        catch
        {
            await _transaction.RollbackAsync(savepoint, CancellationToken.None);
            ClearTrackedEntities();
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

    private async Task BeginAsync(IsolationLevel isolation, bool readOnly, CancellationToken cancellationToken)
    {
        var connection = Connection;
        if (connection.State == ConnectionState.Broken)
        {
            await connection.CloseAsync();
        }

        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        // Microsoft.Data.Sqlite begins IMMEDIATE (taking the write lock) unless asked for a deferred transaction.
        _transaction = readOnly && connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(isolation, deferred: true)
            : await connection.BeginTransactionAsync(isolation, cancellationToken);
        foreach (var context in _contexts.Values)
        {
            await context.Database.UseTransactionAsync(_transaction, cancellationToken);
        }

        await ApplyTenantAsync(cancellationToken, readOnly);
    }

    // Transaction-local settings: they vanish at commit or rollback, so a pooled connection (or PgBouncer in
    // transaction mode) never carries one tenant's context into another's work.
    private async Task ApplyTenantAsync(CancellationToken cancellationToken, bool readOnly = false)
    {
        if (Provider != DatabaseProvider.Postgres || (!Tenant.IsSet && !_ambient && !readOnly))
        {
            return;
        }

        await using var command = Connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = (readOnly ? "SET TRANSACTION READ ONLY; " : string.Empty)
            + "SELECT set_config('strata.user_id', @user_id, true), set_config('strata.workspace_id', @workspace_id, true)";
        AddParameter(command, "user_id", Tenant.UserId?.ToString() ?? string.Empty);
        AddParameter(command, "workspace_id", Tenant.WorkspaceId?.ToString() ?? string.Empty);
        await command.ExecuteNonQueryAsync(cancellationToken);

        static void AddParameter(DbCommand command, string name, string value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }

    private async Task RollbackQuietlyAsync()
    {
        try
        {
            if (_transaction?.Connection is not null)
            {
                await _transaction.RollbackAsync(CancellationToken.None);
            }
        }
        catch (DbException ex)
        {
            // The connection may be gone (that is often why we roll back); the server discards the transaction then.
            _logger.LogDebug(ex, "Rollback failed; the transaction ends with its connection.");
        }

        ClearTrackedEntities();
    }

    private async Task EndTransactionAsync()
    {
        foreach (var context in _contexts.Values)
        {
            await context.Database.UseTransactionAsync(null);
        }

        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }

    // What a rolled-back unit changed is gone from the database; entities tracked for it must not be saved later.
    private void ClearTrackedEntities()
    {
        foreach (var context in _contexts.Values)
        {
            context.ChangeTracker.Clear();
        }
    }
}
