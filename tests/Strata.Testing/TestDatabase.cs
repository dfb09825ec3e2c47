using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Sessions;

namespace Strata.Testing;

/// <summary>
/// A migrated database for one test, with a DI scope to act in. A rolled-back database keeps one transaction open
/// for the whole test and rolls it back at the end; units of work inside it become savepoints. A fresh database is
/// a private clone of the migrated template that really commits, for processes, migrations, concurrency and HTTP.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider? _ownedServices;
    private readonly Func<ValueTask> _cleanup;
    private readonly AsyncServiceScope _scope;

    internal TestDatabase(DatabaseProvider provider, string connectionString, IServiceProvider root, ServiceProvider? ownedServices, Func<ValueTask> cleanup)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Root = root;
        _ownedServices = ownedServices;
        _cleanup = cleanup;
        _scope = root.CreateAsyncScope();
    }

    /// <summary>The provider under test.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>The database's connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>The root service provider (singletons: migrator, seed runner).</summary>
    public IServiceProvider Root { get; }

    /// <summary>The test's scope.</summary>
    public IServiceProvider Services => _scope.ServiceProvider;

    /// <summary>The test scope's session.</summary>
    public DatabaseSession Session => Get<DatabaseSession>();

    /// <summary>A service from the test's scope.</summary>
    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A further scope with its own session and connection (fresh databases: another request or worker).</summary>
    public AsyncServiceScope CreateScope() => Root.CreateAsyncScope();

    /// <summary>Runs <paramref name="sql"/> on the test scope's connection (inside its transaction, if any) and returns the first column of the first row.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        var connection = Session.Connection;
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.Transaction = Session.CurrentTransaction;
        command.CommandText = sql;
        Session.Prelude.ApplyTo(command);
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The qualified name of a module table: <c>schema.table</c> on PostgreSQL, <c>prefix_table</c> on SQLite.</summary>
    public string Table(string module, string table) =>
        Provider == DatabaseProvider.Postgres ? $"{module}.{table}" : $"{module}_{table}";

    /// <summary>How <paramref name="id"/> reads in SQL: SQLite stores GUIDs as upper-case text.</summary>
    public string SqlId(Guid id) => Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id.ToString();

    internal async Task BeginAmbientTransactionAsync() =>
        await Session.BeginAmbientTransactionAsync(CancellationToken.None);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        if (_ownedServices is not null)
        {
            await _ownedServices.DisposeAsync();
        }

        await _cleanup();
    }
}
