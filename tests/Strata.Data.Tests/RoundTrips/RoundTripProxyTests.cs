using Npgsql;
using Strata.Testing;
using Strata.Testing.RoundTrips;

namespace Strata.Data.Tests.RoundTrips;

/// <summary>The round-trip counter itself, against raw Npgsql on the PostgreSQL test server (round trips are a wire property).</summary>
public sealed class RoundTripProxyTests
{
    [Fact]
    public async Task A_batch_of_three_statements_is_one_round_trip()
    {
        await using var proxy = RoundTripProxy.StartForTestServer();
        await using var source = await WarmSourceAsync(proxy);
        await using var connection = await source.OpenConnectionAsync();

        var rows = 0;
        await proxy.CountAsync(async () =>
        {
            await using var batch = new NpgsqlBatch(connection) { BatchCommands = { new("SELECT 1"), new("SELECT 2"), new("SELECT 3") } };
            await using var reader = await batch.ExecuteReaderAsync();
            do
            {
                while (await reader.ReadAsync())
                {
                    rows++;
                }
            }
            while (await reader.NextResultAsync());
        });

        Assert.Equal(3, rows);
        RoundTripAssert.Trips(1, proxy, "the three statements travel in one batch");
    }

    [Fact]
    public async Task Three_separate_commands_are_three_round_trips()
    {
        await using var proxy = RoundTripProxy.StartForTestServer();
        await using var source = await WarmSourceAsync(proxy);
        await using var connection = await source.OpenConnectionAsync();

        await proxy.CountAsync(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync();
            }
        });

        RoundTripAssert.Trips(3, proxy, "each command waits for its answer");
    }

    [Fact]
    public async Task A_transaction_with_one_command_is_two_round_trips()
    {
        await using var proxy = RoundTripProxy.StartForTestServer();
        await using var source = await WarmSourceAsync(proxy);
        await using var connection = await source.OpenConnectionAsync();

        await proxy.CountAsync(async () =>
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand("SELECT 1", connection, transaction);
            await command.ExecuteScalarAsync();
            await transaction.CommitAsync();
        });

        RoundTripAssert.Trips(2, proxy, "BEGIN travels with the command, then COMMIT");
    }

    [Fact]
    public async Task Each_trip_names_the_statements_it_carried()
    {
        await using var proxy = RoundTripProxy.StartForTestServer();
        await using var source = await WarmSourceAsync(proxy);
        await using var connection = await source.OpenConnectionAsync();

        await proxy.CountAsync(async () =>
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand("SELECT  1\n  AS one", connection, transaction);
            await command.ExecuteScalarAsync();
            await transaction.CommitAsync();
        });

        var trips = proxy.Trips;
        Assert.Equal(2, trips.Count);
        Assert.Contains(trips[0], statement => statement.StartsWith("BEGIN", StringComparison.Ordinal));
        Assert.Equal("SELECT 1 AS one", trips[0][^1]);
        Assert.Equal(["COMMIT"], trips[1]);
    }

    [Fact]
    public async Task A_request_larger_than_a_segment_is_one_round_trip()
    {
        await using var proxy = RoundTripProxy.StartForTestServer();
        await using var source = await WarmSourceAsync(proxy);
        await using var connection = await source.OpenConnectionAsync();
        var large = new string('x', 1_000_000);

        // The pool's reset (DISCARD ALL) rides ahead of the query, and the server answers it while the rest of the
        // megabyte is still on its way: a flip of direction, but not a turn the client waited for.
        await proxy.CountAsync(async () =>
        {
            await using var command = new NpgsqlCommand("SELECT length(@text)", connection) { Parameters = { new("text", large) } };
            Assert.Equal(large.Length, await command.ExecuteScalarAsync());
        });

        RoundTripAssert.Trips(1, proxy, "a 1 MB request arrives in many reads but is one turn");
    }

    [Fact]
    public async Task An_answer_larger_than_a_segment_is_one_round_trip()
    {
        await using var proxy = RoundTripProxy.StartForTestServer();
        await using var source = await WarmSourceAsync(proxy);
        await using var connection = await source.OpenConnectionAsync();

        await proxy.CountAsync(async () =>
        {
            await using var command = new NpgsqlCommand("SELECT repeat('x', 2000000)", connection);
            Assert.Equal(2_000_000, ((string)(await command.ExecuteScalarAsync())!).Length);
        });

        RoundTripAssert.Trips(1, proxy, "a 2 MB answer arrives in many reads but is one turn");
    }

    [Fact]
    public async Task Opening_a_pooled_connection_again_costs_no_round_trip()
    {
        await using var proxy = RoundTripProxy.StartForTestServer();
        await using var source = await WarmSourceAsync(proxy);

        await proxy.CountAsync(async () =>
        {
            await using var connection = await source.OpenConnectionAsync();
        });

        RoundTripAssert.Trips(0, proxy, "the warm pool hands out its idle connection");
    }

    [Fact]
    public async Task A_new_physical_connection_is_one_round_trip_named_as_its_start_up()
    {
        await using var proxy = RoundTripProxy.StartForTestServer();
        // The pool's first connection also loads the server's types, once per data source; hold it so the next open is a new one.
        await using var source = await WarmSourceAsync(proxy);
        await using var held = await source.OpenConnectionAsync();

        await proxy.CountAsync(async () =>
        {
            await using var connection = await source.OpenConnectionAsync();
        });

        RoundTripAssert.Trips(1, proxy, "the start-up message and the password exchange until the server is ready");
        Assert.Equal([RoundTripProxy.StartUp], proxy.Trips.Single());
    }

    // A pool of the owner role on the server's maintenance database, with its one physical connection already made.
    private static async Task<NpgsqlDataSource> WarmSourceAsync(RoundTripProxy proxy)
    {
        var source = NpgsqlDataSource.Create(proxy.ConnectionString(MaintenanceDatabase()));
        await using (await source.OpenConnectionAsync())
        {
        }

        return source;
    }

    private static string MaintenanceDatabase() =>
        new NpgsqlConnectionStringBuilder(TestEnvironment.RequirePostgres()) { Database = "postgres" }.ConnectionString;
}
