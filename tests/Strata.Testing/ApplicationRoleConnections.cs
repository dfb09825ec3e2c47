using System.Globalization;
using Npgsql;

namespace Strata.Testing;

/// <summary>
/// Raw SQL as the application role (PostgreSQL): what row-level security and the grants let through whatever the
/// application sends.
/// </summary>
public static class ApplicationRoleConnections
{
    /// <summary>
    /// An open, unpooled strata_app connection to <paramref name="db"/> (grants made the way production makes them),
    /// with <c>strata.user_id</c> set to <paramref name="user"/>, or unset when null.
    /// </summary>
    public static async Task<NpgsqlConnection> OpenAsync(StrataTestDatabases databases, TestDatabase db, Guid? user)
    {
        ArgumentNullException.ThrowIfNull(databases);
        var settings = await databases.GrantedServingSettingsAsync(db);
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings["ConnectionStrings:Strata"])
        {
            Pooling = false,
            // Session-wide here; Strata itself sets it transaction-locally, which the policies read the same way.
            Options = user is null ? null : $"-c strata.user_id={user}",
        }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs <paramref name="sql"/> and returns the first column of the first row as a number.</summary>
    public static async Task<long> LongAsync(this NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs <paramref name="sql"/> and returns the first column of the first row.</summary>
    public static async Task<object?> ScalarAsync(this NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Runs <paramref name="sql"/> and returns how many rows it changed.</summary>
    public static async Task<int> ExecuteAsync(this NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }
}
