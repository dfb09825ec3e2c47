using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Data.Modules;

namespace Strata.Data.Migrations;

/// <summary>
/// The application role's privileges, granted by the owner at the end of every migration run (PostgreSQL): DML on
/// module tables, SELECT on the migration history and Strata's bookkeeping, nothing else — no DDL, no ownership.
/// Grants are idempotent, cover tables a run just created, and apply only to tables that exist (a module may be rolled
/// back to zero).
/// </summary>
internal static class DatabaseGrants
{
    public static async Task GrantApplicationRoleAsync(
        DbConnection owner, StrataDatabaseOptions options, ModuleRegistry registry, MigrationBookkeeping bookkeeping, ILogger logger, CancellationToken cancellationToken)
    {
        if (options.EffectiveProvider != DatabaseProvider.Postgres)
        {
            return;
        }

        var application = new NpgsqlConnectionStringBuilder(options.ApplicationConnectionString).Username;
        var ownerRole = (string?)await SqlCommands.ScalarAsync(owner, "SELECT current_user", cancellationToken);
        if (string.IsNullOrEmpty(application) || application == ownerRole)
        {
            logger.LogWarning("The application connection uses the owner role {Role}; no grants made. Use a separate application role outside development.", ownerRole);
            return;
        }

        var role = SqlCommands.Quote(application);
        foreach (var module in registry.Modules)
        {
            if (!await ExistsAsync(owner, "SELECT count(*) FROM pg_namespace WHERE nspname = @name", module.Schema, cancellationToken))
            {
                continue;
            }

            var schema = SqlCommands.Quote(module.Schema);
            await SqlCommands.ExecuteAsync(owner, $"""
                GRANT USAGE ON SCHEMA {schema} TO {role};
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role};
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role};
                """, cancellationToken);
            // A module rolled back to zero has its schema but not its tables: revoke only on what exists.
            var history = $"{schema}.{SqlCommands.Quote(StrataContextOptions.HistoryTable)}";
            if (await TableExistsAsync(owner, history, cancellationToken))
            {
                await SqlCommands.ExecuteAsync(owner, $"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {history} FROM {role}", cancellationToken);
            }

            foreach (var table in module.AppendOnlyTables.Select(t => $"{schema}.{SqlCommands.Quote(t)}"))
            {
                if (await TableExistsAsync(owner, table, cancellationToken))
                {
                    await SqlCommands.ExecuteAsync(owner, $"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM {role}", cancellationToken);
                }
            }
        }

        await SqlCommands.ExecuteAsync(owner, $"GRANT USAGE ON SCHEMA strata TO {role}; GRANT SELECT ON {bookkeeping.ScriptsTable}, {bookkeeping.LogTable} TO {role};", cancellationToken);
        logger.LogInformation("Granted {Role} DML on {Count} module schema(s).", application, registry.Modules.Count);
    }

    private static async Task<bool> TableExistsAsync(DbConnection connection, string qualifiedName, CancellationToken cancellationToken) =>
        await SqlCommands.ScalarAsync(connection, "SELECT to_regclass(@name) IS NOT NULL", cancellationToken, ("name", qualifiedName)) is true;

    private static async Task<bool> ExistsAsync(DbConnection connection, string sql, string name, CancellationToken cancellationToken) =>
        Convert.ToInt64(await SqlCommands.ScalarAsync(connection, sql, cancellationToken, ("name", name)), CultureInfo.InvariantCulture) > 0;
}
