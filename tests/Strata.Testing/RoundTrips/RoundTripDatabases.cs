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
    /// pool warmed, so opening a physical connection is not counted as the work of the first measured call.
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

    /// <summary>Opens one application connection and gives it back to the pool.</summary>
    public static async Task WarmAsync(TestDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = db.Root.GetRequiredService<DatabaseConnectionFactory>().Create(DatabaseRole.Application);
        await connection.OpenAsync();
    }
}
