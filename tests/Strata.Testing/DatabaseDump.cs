using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Data.Configuration;

namespace Strata.Testing;

/// <summary>What a stolen copy of a test database holds, as text: for secrets-at-rest scans.</summary>
public static class DatabaseDump
{
    /// <summary>A <c>pg_dump</c> as the owner role, or every byte of the SQLite database's files, as text.</summary>
    public static async Task<string> ReadAsync(TestDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Provider == DatabaseProvider.Postgres)
        {
            var connection = new NpgsqlConnectionStringBuilder(db.ConnectionString);
            var start = new ProcessStartInfo("pg_dump", ["--no-password", "-h", connection.Host!, "-p", connection.Port.ToString(CultureInfo.InvariantCulture),
                "-U", connection.Username!, "-d", connection.Database!])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["PGPASSWORD"] = connection.Password;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"pg_dump failed: {await error}");
            }

            return await output;
        }

        // Closed pool connections checkpoint the WAL; any frames still in it are read too.
        SqliteConnection.ClearAllPools();
        var file = new SqliteConnectionStringBuilder(db.ConnectionString).DataSource;
        var copy = new StringBuilder();
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            var bytes = new MemoryStream();
            await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                await stream.CopyToAsync(bytes);
            }

            copy.Append(Encoding.Latin1.GetString(bytes.ToArray()));
        }

        return copy.ToString();
    }
}
