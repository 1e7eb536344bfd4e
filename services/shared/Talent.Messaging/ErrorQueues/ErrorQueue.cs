using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Talent.Messaging.ErrorQueues;

/// <summary>
/// The service's error queues (<c>{queue}_error</c>: messages its consumers failed on after their retries) over AMQP:
/// how many wait in each, and moving them back to their queue once the cause is fixed. A move takes at most the messages
/// there when it starts, so a message that fails again is not moved round in circles; each is acknowledged in the error
/// queue only after the broker confirmed it back in its queue, so none is lost if the move stops halfway.
/// </summary>
public sealed class ErrorQueue(RabbitMqAddress address, ReceiveQueues queues, ILogger<ErrorQueue> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private IConnection? _connection;

    public const string Suffix = "_error";

    public sealed record Depth(string Queue, string ErrorQueue, long Messages);

    public sealed record Moved(string Queue, int Messages);

    public async Task<IReadOnlyList<Depth>> DepthsAsync(CancellationToken cancellationToken)
    {
        if (queues.Names.Count == 0)
        {
            return [];
        }

        var connection = await ConnectAsync(cancellationToken);
        var depths = new List<Depth>();
        foreach (var queue in queues.Names)
        {
            depths.Add(new Depth(queue, queue + Suffix, await CountAsync(connection, queue + Suffix, cancellationToken)));
        }

        return depths;
    }

    /// <summary>Moves the messages of <paramref name="queue"/>'s error queue (every error queue when null) back to be consumed again.</summary>
    public async Task<IReadOnlyList<Moved>> MoveBackAsync(string? queue, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        var moved = new List<Moved>();
        foreach (var name in queues.Names.Where(n => queue is null || n == queue))
        {
            var waiting = await CountAsync(connection, name + Suffix, cancellationToken);
            var count = 0;
            await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
            while (count < waiting && await channel.BasicGetAsync(name + Suffix, autoAck: false, cancellationToken) is { } message)
            {
                // MassTransit binds an exchange of the queue's name to it: publishing there reaches the consumer's queue only.
                var properties = new BasicProperties(message.BasicProperties);
                await channel.BasicPublishAsync(name, "", mandatory: true, properties, message.Body, cancellationToken);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
                count++;
            }

            if (count > 0)
            {
                logger.LogWarning("Moved {Count} message(s) from {ErrorQueue} back to {Queue}", count, name + Suffix, name);
            }

            moved.Add(new Moved(name, count));
        }

        return moved;
    }

    public bool Knows(string queue) => queues.Names.Contains(queue, StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.DisposeAsync();
        }

        _connecting.Dispose();
    }

    private const int ConnectAttempts = 3;

    /// <summary>One connection kept for the counting every half minute and the operators' moves, opened again after a loss.</summary>
    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not { IsOpen: true })
            {
                if (_connection is { } lost)
                {
                    await lost.DisposeAsync();
                }

                var factory = new ConnectionFactory
                {
                    HostName = address.Host,
                    Port = address.Port,
                    VirtualHost = address.VirtualHost,
                    UserName = address.Username,
                    Password = address.Password,
                    ClientProvidedName = "talent-error-queues",
                };
                // A busy broker sometimes closes a connection during its handshake (seen under a loaded test run): tried
                // three times, a second apart, before the count or the operator's move fails.
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        _connection = address.Nodes.Count > 0
                            ? await factory.CreateConnectionAsync(address.Nodes.Select(n => new AmqpTcpEndpoint(n.Host, n.Port)).ToList(), cancellationToken)
                            : await factory.CreateConnectionAsync(cancellationToken);
                        break;
                    }
                    catch (BrokerUnreachableException) when (attempt < ConnectAttempts)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
                    }
                }
            }

            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    /// <summary>Messages ready in a queue (0 while it does not exist: nothing ever failed there).</summary>
    private static async Task<long> CountAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a missing queue closes its channel: one channel per question.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }
}
