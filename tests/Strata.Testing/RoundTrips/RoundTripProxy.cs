using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Strata.Testing.RoundTrips;

/// <summary>
/// A loopback TCP proxy in front of a PostgreSQL server that counts round trips: how many times, on any of its
/// connections, the turn passes from the server back to the client — the client begins a request after the server
/// has answered everything it asked (see <see cref="Conversation"/>). Counting turns of the conversation rather than
/// reads or commands makes the figure independent of TCP segmentation and true to what Npgsql pipelines: a
/// <c>BEGIN</c> prepended to the first command, a pool reset sent with the next query, several statements in one
/// batch are all one client turn, so one round trip.
/// </summary>
public sealed class RoundTripProxy : IAsyncDisposable
{
    /// <summary>How <see cref="Trips"/> names the start-up of a physical connection (authentication included).</summary>
    public const string StartUp = "(connection start-up)";

    private const int BufferSize = 16 * 1024;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _serverHost;
    private readonly int _serverPort;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, bool> _relays = new();
    private readonly Task _accepting;
    private readonly Lock _tripsLock = new();
    private readonly List<IReadOnlyList<string>> _trips = [];
    private int _count;

    private RoundTripProxy(string serverHost, int serverPort)
    {
        _serverHost = serverHost;
        _serverPort = serverPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    /// <summary>The loopback port the proxy listens on.</summary>
    public int Port { get; }

    /// <summary>Round trips since the proxy started or was last <see cref="Reset"/>.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// What each round trip since the last <see cref="Reset"/> carried: the SQL of every statement the client sent in
    /// that turn (shortened), in order. A turn without statements carried only protocol messages (a prepared
    /// statement's execution, a terminate).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Trips
    {
        get
        {
            lock (_tripsLock)
            {
                return [.. _trips.Select(trip => (IReadOnlyList<string>)[.. trip])];
            }
        }
    }

    /// <summary>
    /// A proxy in front of the server of <paramref name="connectionString"/>; any database on that server can be
    /// reached through it (the database is named in each connection's start-up message).
    /// </summary>
    public static RoundTripProxy Start(string connectionString)
    {
        var server = new NpgsqlConnectionStringBuilder(connectionString);
        return new RoundTripProxy(server.Host ?? "localhost", server.Port);
    }

    /// <summary>A proxy in front of the PostgreSQL test server (<see cref="TestEnvironment.RequirePostgres"/>).</summary>
    public static RoundTripProxy StartForTestServer() => Start(TestEnvironment.RequirePostgres());

    /// <summary>Sets <see cref="Count"/> back to zero.</summary>
    public void Reset()
    {
        lock (_tripsLock)
        {
            Interlocked.Exchange(ref _count, 0);
            _trips.Clear();
        }
    }

    /// <summary>Runs <paramref name="work"/> from a count of zero and returns the round trips it made.</summary>
    public async Task<int> CountAsync(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Reset();
        await work();
        return Count;
    }

    /// <summary>
    /// <paramref name="connectionString"/> (same user, password, database and settings) routed through the proxy, pooled.
    /// TLS is off on this hop: on loopback it protects nothing, and its own records would be turns of the conversation
    /// that no query asked for.
    /// </summary>
    public string ConnectionString(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString)
        {
            Host = IPAddress.Loopback.ToString(),
            Port = Port,
            Pooling = true,
            SslMode = SslMode.Disable,
        }.ConnectionString;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_relays.Keys);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var relay = RelayAsync(client);
            _relays.TryAdd(relay, true);
            _ = relay.ContinueWith(done => _relays.TryRemove(done, out _), TaskScheduler.Default);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        using (client)
        using (var server = new Socket(SocketType.Stream, ProtocolType.Tcp))
        {
            client.NoDelay = true;
            server.NoDelay = true;
            try
            {
                await server.ConnectAsync(_serverHost, _serverPort, _stopping.Token);
                var conversation = new Conversation();
                using var ended = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                var upstream = PumpAsync(client, server, conversation, fromClient: true, ended.Token);
                var downstream = PumpAsync(server, client, conversation, fromClient: false, ended.Token);
                await Task.WhenAny(upstream, downstream);
                // One side hung up: the conversation is over, stop the other pump too.
                await ended.CancelAsync();
                await Task.WhenAll(upstream, downstream);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException)
            {
                // The proxy is stopping or the server is unreachable; the client sees its connection close.
            }
        }
    }

    private async Task PumpAsync(Socket from, Socket to, Conversation conversation, bool fromClient, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                // Before forwarding: the client cannot act on an answer it has not received, so the server's turn is
                // always recorded before the client's next one, and the count does not depend on thread timing.
                lock (_tripsLock)
                {
                    if (fromClient)
                    {
                        conversation.FromClient(buffer.AsSpan(0, read), StartTrip);
                    }
                    else
                    {
                        conversation.FromServer(buffer.AsSpan(0, read));
                    }
                }

                await SendAllAsync(to, buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // A hang-up on either side or the proxy stopping ends this direction.
        }
    }

    // Called under the lock: a new client turn.
    private List<string> StartTrip()
    {
        Interlocked.Increment(ref _count);
        var trip = new List<string>();
        _trips.Add(trip);
        return trip;
    }

    private static async Task SendAllAsync(Socket to, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        while (!bytes.IsEmpty)
        {
            var sent = await to.SendAsync(bytes, SocketFlags.None, cancellationToken);
            bytes = bytes[sent..];
        }
    }
}
