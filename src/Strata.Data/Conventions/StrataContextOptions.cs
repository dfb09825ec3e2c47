using Microsoft.EntityFrameworkCore;
using Strata.Data.Configuration;
using Strata.Data.Modules;

namespace Strata.Data.Conventions;

/// <summary>The EF Core options every module context runs with, at run time (pooled) and at design time alike.</summary>
internal static class StrataContextOptions
{
    /// <summary>Name of each module's migration history table (PostgreSQL: in the module's schema).</summary>
    public const string HistoryTable = "__migrations";

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
