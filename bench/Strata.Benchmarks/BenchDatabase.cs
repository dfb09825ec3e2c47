using Npgsql;

namespace Strata.Benchmarks;

/// <summary>The benchmarks' PostgreSQL server and a fresh database on it.</summary>
internal static class BenchDatabase
{
    /// <summary>An owner connection string with CREATEDB: <c>STRATA_BENCH_POSTGRES</c>, else the development roles.</summary>
    public static string Admin { get; } =
        Environment.GetEnvironmentVariable("STRATA_BENCH_POSTGRES") ?? "Host=localhost;Username=strata_owner;Password=strata_owner";

    /// <summary>Drops and creates <paramref name="name"/>; answers the owner's connection string to it.</summary>
    public static async Task<string> RecreateAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Admin) { Database = "postgres" }.ConnectionString))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"CREATE DATABASE {name}", connection).ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(Admin) { Database = name }.ConnectionString;
    }
}
