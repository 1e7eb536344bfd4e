using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Talent.Services.Tests;

/// <summary>
/// A real SMTP server in the test process (the <c>SmtpServer</c> package) on a loopback port of its own, keeping what it
/// accepts. It can be stopped and started again on the same port, as a mail server that goes down and comes back.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly ConcurrentDictionary<ISessionContext, byte> _sessionsWithMail = new(ReferenceEqualityComparer.Instance);
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;
    private Task? _running;

    private TestSmtpServer(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Received => [.. _received];

    /// <summary>How many SMTP sessions (connections) delivered at least one message.</summary>
    public int SessionsWithMail => _sessionsWithMail.Count;

    /// <summary>A server on a free port, not yet listening.</summary>
    public static TestSmtpServer OnFreePort() => new(Talent.Testing.LoopbackPorts.Free());

    /// <summary>Starts listening; returns once the port accepts connections.</summary>
    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received, _sessionsWithMail));
        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
        var running = _running;
        await Talent.Testing.Eventually.UntilAsync(async () =>
        {
            if (running.IsFaulted)
            {
                await running;
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(10), $"the test SMTP server listening on {Port}");
    }

    /// <summary>Stops listening and closes its sessions: connections are refused until started again.</summary>
    public async Task StopAsync()
    {
        if (_server is null || _running is null)
        {
            return;
        }

        _server.Shutdown();
        await _stop!.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        (_server, _running, _stop) = (null, null, null);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(ConcurrentQueue<MimeMessage> received, ConcurrentDictionary<ISessionContext, byte> sessions) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            sessions.TryAdd(context, 0);
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
