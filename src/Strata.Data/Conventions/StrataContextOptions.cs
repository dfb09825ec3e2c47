using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Strata.Data.Configuration;
using Strata.Data.Diagnostics;
using Strata.Data.Modules;

namespace Strata.Data.Conventions;

/// <summary>
/// The EF Core options every module context runs with, built once per context type: a scope only hands its
/// connection to each new context (<c>SetDbConnection</c>), so opening a context costs no options building.
/// </summary>
internal sealed class StrataContextOptions(
    IOptions<StrataDatabaseOptions> settings,
    EntityLifecycleInterceptor lifecycle,
    CommandDiagnosticsInterceptor diagnostics)
{
    /// <summary>Name of each module's migration history table (PostgreSQL: in the module's schema).</summary>
    public const string HistoryTable = "__migrations";

    private readonly ConcurrentDictionary<Type, DbContextOptions> _byContext = new();

    /// <summary>Options for <paramref name="module"/>'s context on <paramref name="provider"/>, without a connection.</summary>
    public DbContextOptions For(IStrataModule module, DatabaseProvider provider) =>
        _byContext.GetOrAdd(module.Contexts.For(provider), _ =>
        {
            var builder = new DbContextOptionsBuilder();
            Configure(builder, provider, module, settings.Value.CommandTimeoutSeconds, connectionString: null);
            builder.AddInterceptors(lifecycle, diagnostics);
            return builder.Options;
        });

    /// <summary>Configures a builder for a module context; with no connection string the connection is set per context.</summary>
    public static void Configure(
        DbContextOptionsBuilder builder, DatabaseProvider provider, IStrataModule module, int commandTimeoutSeconds, string? connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            // A parameterized collection becomes one array parameter: "= ANY (@ids)", one plan for any count.
            void Npgsql(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder o) => o
                .MigrationsHistoryTable(HistoryTable, module.Schema)
                .CommandTimeout(commandTimeoutSeconds)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter);
            _ = connectionString is null ? builder.UseNpgsql(Npgsql) : builder.UseNpgsql(connectionString, Npgsql);
        }
        else
        {
            void Sqlite(Microsoft.EntityFrameworkCore.Infrastructure.SqliteDbContextOptionsBuilder o) => o
                .MigrationsHistoryTable(module.TablePrefix + "_migrations")
                .CommandTimeout(commandTimeoutSeconds);
            _ = connectionString is null ? builder.UseSqlite(Sqlite) : builder.UseSqlite(connectionString, Sqlite);
        }
    }
}
