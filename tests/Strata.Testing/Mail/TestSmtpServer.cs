using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Strata.Testing.Mail;

/// <summary>
/// A real SMTP server in the test process (the SmtpServer package) on a free loopback port: keeps what it accepts, can
/// refuse every message with a permanent 550, and can be stopped and started again to play a server that is down.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly Store _store = new();
    private CancellationTokenSource? _running;
    private Task? _serving;

    private TestSmtpServer(int port) => Port = port;

    /// <summary>The port it listens on (127.0.0.1), also while stopped.</summary>
    public int Port { get; }

    /// <summary>Every message accepted, in order.</summary>
    public ConcurrentQueue<MimeMessage> Received => _store.Received;

    /// <summary>When set, every message is refused with 550 (a permanent failure).</summary>
    public bool RefuseEverything
    {
        get => _store.Refuse;
        set => _store.Refuse = value;
    }

    /// <summary>A server on a free port, started unless <paramref name="started"/> is false.</summary>
    public static async Task<TestSmtpServer> StartAsync(bool started = true)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var server = new TestSmtpServer(port);
        if (started)
        {
            await server.ResumeAsync();
        }

        return server;
    }

    /// <summary>The settings that point Strata's SMTP transport here.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Strata:Mail:Transport"] = "Smtp",
        ["Strata:Mail:Smtp:Host"] = "127.0.0.1",
        ["Strata:Mail:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Strata:Mail:Smtp:Security"] = "None",
        ["Strata:Mail:Smtp:Timeout"] = "00:00:10",
    };

    /// <summary>Starts listening (again); returns once connections are accepted.</summary>
    public async Task ResumeAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _running = new CancellationTokenSource();
        _serving = new SmtpServer.SmtpServer(options, services).StartAsync(_running.Token);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        throw new InvalidOperationException($"The test SMTP server did not listen on port {Port}.");
    }

    /// <summary>Stops listening: connections are refused until <see cref="ResumeAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_running is null)
        {
            return;
        }

        await _running.CancelAsync();
        try
        {
            await _serving!;
        }
        catch (OperationCanceledException)
        {
            // How the server reports that it stopped.
        }

        _running.Dispose();
        _running = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Received { get; } = new();

        public volatile bool Refuse;

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Refuse)
            {
                return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "mailbox unavailable (test refusal)");
            }

            using var stream = new MemoryStream(buffer.ToArray());
            Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
