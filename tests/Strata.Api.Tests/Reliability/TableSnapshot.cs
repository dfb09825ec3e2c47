using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Data.Configuration;

namespace Strata.Api.Tests.Reliability;

/// <summary>
/// Every table of a test database, read as the owner in one query: its row count and, where it has one, its latest
/// <c>updated_at</c> — so an insert, a delete or an update made through the save pipeline all show as a change.
/// </summary>
internal sealed class TableSnapshot
{
    private readonly string _connectionString;
    private readonly DatabaseProvider _provider;
    private readonly string _query;

    private TableSnapshot(string connectionString, DatabaseProvider provider, string query)
    {
        _connectionString = connectionString;
        _provider = provider;
        _query = query;
    }

    /// <summary>Lists the database's tables once and prepares the query that reads them all.</summary>
    public static async Task<TableSnapshot> ForAsync(string connectionString, DatabaseProvider provider)
    {
        var listing = provider == DatabaseProvider.Postgres
            ? """
              SELECT format('%I.%I', t.table_schema, t.table_name),
                     EXISTS (SELECT 1 FROM information_schema.columns c
                             WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'updated_at')
              FROM information_schema.tables t
              WHERE t.table_type = 'BASE TABLE' AND t.table_schema NOT IN ('pg_catalog', 'information_schema')
              ORDER BY 1
              """
            : """
              SELECT '"' || m.name || '"', EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'updated_at')
              FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY 1
              """;
        var parts = new List<string>();
        await using var connection = Open(connectionString, provider);
        await connection.OpenAsync();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = listing;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var table = reader.GetString(0);
                var latest = Convert.ToBoolean(reader.GetValue(1), CultureInfo.InvariantCulture) ? "CAST(max(updated_at) AS TEXT)" : "''";
                parts.Add($"SELECT '{table.Replace("'", "''", StringComparison.Ordinal)}', count(*), {latest} FROM {table}");
            }
        }

        return new TableSnapshot(connectionString, provider, string.Join("\nUNION ALL ", parts));
    }

    /// <summary>Table → "rows|latest update".</summary>
    public async Task<Dictionary<string, string>> ReadAsync()
    {
        var state = new Dictionary<string, string>();
        await using var connection = Open(_connectionString, _provider);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = _query;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            state[reader.GetString(0)] = $"{reader.GetValue(1)}|{(reader.IsDBNull(2) ? string.Empty : reader.GetValue(2))}";
        }

        return state;
    }

    /// <summary>The tables whose state differs between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static IReadOnlyList<string> Changed(Dictionary<string, string> before, Dictionary<string, string> after) =>
        [.. after.Where(t => !before.TryGetValue(t.Key, out var old) || old != t.Value).Select(t => t.Key)];

    private static DbConnection Open(string connectionString, DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
}
