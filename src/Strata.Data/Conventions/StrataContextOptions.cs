using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Strata.Data.Configuration;
using Strata.Data.Modules;

namespace Strata.Data.Conventions;

/// <summary>Builds the EF Core options every module context runs with, at run time and at design time alike.</summary>
internal static class StrataContextOptions
{
    /// <summary>Name of each module's migration history table (PostgreSQL: in the module's schema).</summary>
    public const string HistoryTable = "__migrations";

    public static DbContextOptions Build(
        DatabaseProvider provider, DbConnection connection, IStrataModule module, int commandTimeoutSeconds, params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder();
        Configure(builder, provider, module, commandTimeoutSeconds, connection, connectionString: null);
        builder.AddInterceptors(interceptors);
        return builder.Options;
    }

    public static void Configure(
        DbContextOptionsBuilder builder, DatabaseProvider provider, IStrataModule module, int commandTimeoutSeconds,
        DbConnection? connection, string? connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            // A parameterized collection becomes one array parameter: "= ANY (@ids)", one plan for any count.
            void Npgsql(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder o) => o
                .MigrationsHistoryTable(HistoryTable, module.Schema)
                .CommandTimeout(commandTimeoutSeconds)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter);
            if (connection is not null)
            {
                builder.UseNpgsql(connection, Npgsql);
            }
            else
            {
                builder.UseNpgsql(connectionString, Npgsql);
            }
        }
        else
        {
            void Sqlite(Microsoft.EntityFrameworkCore.Infrastructure.SqliteDbContextOptionsBuilder o) => o
                .MigrationsHistoryTable(module.TablePrefix + "_migrations")
                .CommandTimeout(commandTimeoutSeconds);
            if (connection is not null)
            {
                builder.UseSqlite(connection, Sqlite);
            }
            else
            {
                builder.UseSqlite(connectionString, Sqlite);
            }
        }
    }
}
