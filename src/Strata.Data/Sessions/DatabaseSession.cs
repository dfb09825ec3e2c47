using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Data.Diagnostics;
using Strata.Data.Errors;
using Strata.Data.Modules;

namespace Strata.Data.Sessions;

/// <summary>
/// The database side of one DI scope (an HTTP request, a CLI command). It owns one connection that every module
/// DbContext of the scope shares, leases those contexts from their pools, and holds the transaction they are enlisted
/// in, so one transaction can span modules. <see cref="InTransactionAsync{T}"/> is the entry point for a unit of work;
/// how units nest, retry and carry the tenant is the job of the scope's unit-of-work runner.
/// </summary>
public sealed class DatabaseSession : IAsyncDisposable, IDisposable
{
    private readonly DatabaseConnectionFactory _connections;
    private readonly ModuleRegistry _registry;
    private readonly ModuleContextPool _contextPool;
    private readonly CommandCounter _commands;
    private readonly UnitOfWorkRunner _units;
    private readonly ILogger<DatabaseSession> _logger;
    private readonly Dictionary<Type, StrataDbContext> _contexts = [];
    private DbConnection? _connection;
    private DbTransaction? _transaction;
    private DatabaseRole _role = DatabaseRole.Application;

    internal DatabaseSession(
        DatabaseConnectionFactory connections,
        ModuleRegistry registry,
        TenantContext tenant,
        ModuleContextPool contextPool,
        CommandCounter commands,
        UnitOfWorkRetry retry,
        ILogger<DatabaseSession> logger)
    {
        _connections = connections;
        _registry = registry;
        _contextPool = contextPool;
        _commands = commands;
        _logger = logger;
        Tenant = tenant;
        _units = new UnitOfWorkRunner(this, retry.Pipeline);
    }

    /// <summary>The provider this session talks to.</summary>
    public DatabaseProvider Provider => _connections.Provider;

    /// <summary>Who the scope acts for.</summary>
    public TenantContext Tenant { get; }

    /// <summary>The scope's connection, created on first use; EF opens it per command outside transactions.</summary>
    public DbConnection Connection => _connection ??= _connections.Create(_role);

    /// <summary>How many commands this scope's contexts have sent (EF commands; not Strata's own bookkeeping).</summary>
    public int CommandsExecuted => _commands.Count;

    internal DbTransaction? CurrentTransaction => _transaction;

    internal CommandCounter Commands => _commands;

    /// <summary>What the current transaction states in front of its first command (tenant, read-only).</summary>
    internal TransactionPrelude Prelude { get; } = new();

    internal IEnumerable<IModel> Models => _contexts.Values.Select(c => c.Model);

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
        // EF would wrap every SaveChanges inside the unit's transaction in a savepoint, and releasing it costs a round
        // trip on PostgreSQL. A failed save fails its unit, which rolls back whole (or to its own savepoint when it
        // asked for one), so EF's savepoint would protect nothing. Set per lease: pooling resets it.
        context.Database.AutoSavepointsEnabled = false;
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
    public Task<T> InTransactionAsync<T>(
        Func<CancellationToken, Task<T>> work, TransactionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return _units.RunAsync(work, options ?? TransactionOptions.Default, cancellationToken);
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

    /// <inheritdoc cref="UnitOfWorkRunner.BeginAmbientAsync"/>
    internal Task BeginAmbientTransactionAsync(CancellationToken cancellationToken) => _units.BeginAmbientAsync(cancellationToken);

    /// <summary>Opens the connection if needed, begins a transaction on it and enlists every leased context.</summary>
    internal async Task<DbTransaction> BeginTransactionAsync(IsolationLevel isolation, bool readOnly, CancellationToken cancellationToken)
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

        return _transaction;
    }

    /// <summary>Rolls the transaction back, tolerating a lost connection, and discards what the contexts tracked.</summary>
    internal async Task RollbackQuietlyAsync()
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

        DiscardTrackedChanges();
    }

    /// <summary>Takes the contexts out of the ended transaction and disposes it.</summary>
    internal async Task EndTransactionAsync()
    {
        Prelude.Clear();
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

    /// <summary>
    /// Forgets every entity the contexts track: what a rolled-back unit changed is gone from the database, so its
    /// entities must not be saved later.
    /// </summary>
    internal void DiscardTrackedChanges()
    {
        foreach (var context in _contexts.Values)
        {
            context.ChangeTracker.Clear();
        }
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
}
