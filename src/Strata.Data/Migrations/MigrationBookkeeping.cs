using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Strata.Data.Configuration;

namespace Strata.Data.Migrations;

/// <summary>
/// Strata's own tables beside the modules': checksums of applied repeatable scripts, and a log of migrations applied
/// and reverted with their times (EF's history records names only). PostgreSQL schema <c>strata</c>; SQLite prefix <c>strata_</c>.
/// </summary>
internal sealed class MigrationBookkeeping(DbConnection connection, DatabaseProvider provider)
{
    /// <summary>The log's action for a migration EF applied.</summary>
    public const string Applied = "applied";

    /// <summary>The log's action for a migration EF reverted.</summary>
    public const string Reverted = "reverted";

    private bool Postgres => provider == DatabaseProvider.Postgres;

    public string ScriptsTable => Postgres ? "strata.repeatable_scripts" : "strata_repeatable_scripts";

    public string LogTable => Postgres ? "strata.migration_log" : "strata_migration_log";

    public static string Checksum(string sql) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => SqlCommands.ExecuteAsync(connection, Postgres
        ? """
          CREATE SCHEMA IF NOT EXISTS strata;
          CREATE TABLE IF NOT EXISTS strata.repeatable_scripts (
              module text NOT NULL, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL,
              CONSTRAINT pk_repeatable_scripts PRIMARY KEY (module, name));
          CREATE TABLE IF NOT EXISTS strata.migration_log (
              id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_migration_log PRIMARY KEY,
              module text NOT NULL, migration text NOT NULL, action text NOT NULL, at timestamptz NOT NULL);
          """
        : """
          CREATE TABLE IF NOT EXISTS strata_repeatable_scripts (
              module TEXT NOT NULL, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL,
              CONSTRAINT pk_strata_repeatable_scripts PRIMARY KEY (module, name));
          CREATE TABLE IF NOT EXISTS strata_migration_log (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              module TEXT NOT NULL, migration TEXT NOT NULL, action TEXT NOT NULL, at TEXT NOT NULL);
          """, cancellationToken);

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        var count = await SqlCommands.ScalarAsync(connection, Postgres
            ? "SELECT count(*) FROM pg_tables WHERE schemaname = 'strata' AND tablename = 'migration_log'"
            : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'strata_migration_log'", cancellationToken);
        return Convert.ToInt64(count, CultureInfo.InvariantCulture) > 0;
    }

    public async Task<Dictionary<string, string>> ScriptChecksumsAsync(string module, CancellationToken cancellationToken)
    {
        var rows = await SqlCommands.RowsAsync(connection, $"SELECT name, checksum FROM {ScriptsTable} WHERE module = @module", cancellationToken, ("module", module));
        return rows.ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);
    }

    public Task RecordScriptAsync(string module, string name, string checksum, CancellationToken cancellationToken) =>
        SqlCommands.ExecuteAsync(connection,
            $"INSERT INTO {ScriptsTable} (module, name, checksum, applied_at) VALUES (@module, @name, @checksum, @at) " +
            "ON CONFLICT (module, name) DO UPDATE SET checksum = excluded.checksum, applied_at = excluded.applied_at",
            cancellationToken, ("module", module), ("name", name), ("checksum", checksum), ("at", Now()));

    public Task ForgetScriptsAsync(string module, CancellationToken cancellationToken) =>
        SqlCommands.ExecuteAsync(connection, $"DELETE FROM {ScriptsTable} WHERE module = @module", cancellationToken, ("module", module));

    public Task LogAsync(string module, string migration, string action, CancellationToken cancellationToken) =>
        SqlCommands.ExecuteAsync(connection, $"INSERT INTO {LogTable} (module, migration, action, at) VALUES (@module, @migration, @action, @at)",
            cancellationToken, ("module", module), ("migration", migration), ("action", action), ("at", Now()));

    /// <summary>Each migration of <paramref name="module"/> the log mentions, with the action of its newest row.</summary>
    public async Task<Dictionary<string, string>> LastActionsAsync(string module, CancellationToken cancellationToken)
    {
        var rows = await SqlCommands.RowsAsync(connection,
            $"SELECT migration, action FROM {LogTable} l WHERE module = @module AND id = (SELECT max(id) FROM {LogTable} WHERE module = l.module AND migration = l.migration)",
            cancellationToken, ("module", module));
        return rows.ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);
    }

    /// <summary>
    /// Where the log disagrees with EF's <paramref name="history"/> (the truth: it commits with each migration), as the
    /// action the log is missing per migration: <c>applied</c> for a migration in the history whose newest log row is
    /// not, <c>reverted</c> for one the log calls applied that the history no longer has. A run stopped between EF's
    /// commit and the log insert leaves exactly these.
    /// </summary>
    public static List<ModuleMigrationAction> Mismatches(string module, IReadOnlyList<string> history, IReadOnlyDictionary<string, string> lastActions)
    {
        var inHistory = history.ToHashSet(StringComparer.Ordinal);
        return
        [
            .. lastActions.Where(a => a.Value == Applied && !inHistory.Contains(a.Key)).OrderByDescending(a => a.Key, StringComparer.Ordinal)
                .Select(a => new ModuleMigrationAction(module, a.Key, Reverted)),
            .. history.Where(id => lastActions.GetValueOrDefault(id) != Applied).Select(id => new ModuleMigrationAction(module, id, Applied)),
        ];
    }

    public async Task<DateTime?> LastAppliedAtAsync(string module, string migration, CancellationToken cancellationToken)
    {
        var value = await SqlCommands.ScalarAsync(connection,
            $"SELECT at FROM {LogTable} WHERE module = @module AND migration = @migration AND action = @action ORDER BY id DESC LIMIT 1",
            cancellationToken, ("module", module), ("migration", migration), ("action", Applied));
        return value switch
        {
            DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
            string text => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            _ => null,
        };
    }

    // SQLite has no timestamp type: ISO 8601 text sorts and parses back exactly.
    private object Now() => Postgres ? DateTime.UtcNow : DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
}

/// <summary>A log action for one migration of one module.</summary>
/// <param name="Module">Module name.</param>
/// <param name="Migration">EF migration id.</param>
/// <param name="Action"><see cref="MigrationBookkeeping.Applied"/> or <see cref="MigrationBookkeeping.Reverted"/>.</param>
internal sealed record ModuleMigrationAction(string Module, string Migration, string Action);
