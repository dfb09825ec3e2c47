using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Sessions;

namespace Strata.Testing.RoundTrips;

/// <summary>Test databases whose services talk to PostgreSQL through a <see cref="RoundTripProxy"/>.</summary>
public static class RoundTripDatabases
{
    /// <summary>
    /// A fresh PostgreSQL database (see <see cref="StrataTestDatabases.FreshAsync"/>) whose services reach the server
    /// through <paramref name="proxy"/> — the application and the owner connections alike — with the application
    /// pool warmed (<see cref="WarmAsync"/>), so opening a physical connection is not counted as the work of a measured call.
    /// </summary>
    public static async Task<TestDatabase> FreshThroughAsync(
        this StrataTestDatabases databases, RoundTripProxy proxy,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentNullException.ThrowIfNull(proxy);
        var db = await databases.FreshAsync(DatabaseProvider.Postgres, settings, collection =>
        {
            Route(collection, proxy);
            services?.Invoke(collection);
        });
        await WarmAsync(db);
        return db;
    }

    /// <summary>Routes every connection Strata's services open through <paramref name="proxy"/>.</summary>
    public static void Route(IServiceCollection services, RoundTripProxy proxy)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        // After configuration binding, so whichever key supplied the connection strings, the proxy is in front of them.
        services.PostConfigure<StrataDatabaseOptions>(options =>
        {
            options.ConnectionString = options.ConnectionString is { } application ? proxy.ConnectionString(application) : null;
            options.MigrationsConnectionString = options.MigrationsConnectionString is { } owner ? proxy.ConnectionString(owner) : null;
        });
    }

    /// <summary>
    /// Opens <paramref name="connections"/> application connections at once and gives them back to the pool. Two by
    /// default: the test's own scope may keep one (a unit of work holds its scope's connection until the scope ends)
    /// while the measured scope takes the other.
    /// </summary>
    public static async Task WarmAsync(TestDatabase db, int connections = 2)
    {
        ArgumentNullException.ThrowIfNull(db);
        var factory = db.Root.GetRequiredService<DatabaseConnectionFactory>();
        var opened = Enumerable.Range(0, connections).Select(_ => factory.Create(DatabaseRole.Application)).ToList();
        try
        {
            foreach (var connection in opened)
            {
                await connection.OpenAsync();
            }
        }
        finally
        {
            foreach (var connection in opened)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
