using Microsoft.Extensions.Logging;

namespace Talent.Messaging.Outbox;

/// <summary>The outbox relay's watch over rounds in which the broker, though connected, confirmed nothing.</summary>
internal sealed class UnconfirmedPublishes(BrokerConnection broker, OutboxOptions options, TimeProvider time, ILogger logger)
{
    private DateTimeOffset? _refusedSince;
    private DateTimeOffset _lastReconnect = DateTimeOffset.MinValue;

    /// <summary>A round confirmed something: the count of rounds with nothing confirmed starts again.</summary>
    public void Confirmed() => _refusedSince = null;

    /// <summary>
    /// A connection that is up while nothing published through it is confirmed is started over. Seen on RabbitMQ 3.10
    /// (Debian's): a channel that published to a quorum queue while the queue had no leader (the tenth of a second after
    /// its leader's node is lost) is refused (basic.nack) every later publish to it, while a new channel is accepted at
    /// once (tests/Talent.Messaging.Tests/ClusterTests); MassTransit retries a refused publish on the same channel until
    /// the publish times out. So after rounds in which not one message was confirmed, with the bus connected, for
    /// <see cref="OutboxOptions.RefusedReconnectAfter"/>, the relay closes the bus's connection (at most once a minute)
    /// and MassTransit connects again with new channels.
    /// </summary>
    public async Task FailedAsync(Exception failure, bool connected, CancellationToken stoppingToken)
    {
        if (failure is not OutboxPublishException { Confirmed: 0 } || !connected)
        {
            _refusedSince = null;
            return;
        }

        var now = time.GetUtcNow();
        _refusedSince ??= now;
        if (now - _refusedSince < options.RefusedReconnectAfter || now - _lastReconnect < TimeSpan.FromMinutes(1))
        {
            return;
        }

        _refusedSince = null;
        _lastReconnect = now;
        logger.LogWarning("Nothing published has been confirmed for {Duration} while connected to the broker: closing the connection so that channels are opened afresh",
            options.RefusedReconnectAfter);
        try
        {
            await broker.CloseAsync("publishes not confirmed: opening new channels", stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Closing the broker connection failed");
        }
    }
}
