using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Talent.Messaging.Outbox;

/// <summary>
/// Publishes a service's outbox to RabbitMQ in recording order, with publisher confirms, and marks rows sent.
/// One relay at a time holds the outbox (a transaction-scoped advisory lock); rows are also taken
/// <c>FOR UPDATE SKIP LOCKED</c>, so replicas never publish a row twice while it is being published.
/// Delivery is at least once (a crash between confirm and commit republishes); consumers' inboxes make it
/// effectively once.
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    BrokerConnection broker,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly OutboxOptions _options = options.Value;
    private readonly HashSet<string> _warmTypes = new(StringComparer.Ordinal);
    private NpgsqlDataSource? _dataSource;
    private bool _recovering;
    private readonly UnconfirmedPublishes _unconfirmed = new(broker, options.Value, time, logger);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.RelayEnabled)
        {
            logger.LogInformation("Outbox relay disabled by configuration (Messaging:Outbox:RelayEnabled)");
            return;
        }

        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            RelayRound round;
            try
            {
                round = await PublishPendingAsync(stoppingToken);
                backoff = TimeSpan.Zero;
                _unconfirmed.Confirmed();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                backoff = backoff == TimeSpan.Zero ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
                logger.LogWarning(ex, "Outbox relay could not publish; retrying in {Backoff}", backoff);
                await _unconfirmed.FailedAsync(ex, BrokerConnected(), stoppingToken);
                await DelayAsync(backoff, stoppingToken);
                continue;
            }

            switch (round)
            {
                case RelayRound.MoreWaiting:
                    continue;
                case RelayRound.HeldElsewhere:
                    // Another replica is publishing; look again soon so a commit of ours is not left for the poll.
                    await DelayAsync(TimeSpan.FromMilliseconds(50), stoppingToken);
                    continue;
                default:
                    await WaitForSignalAsync(stoppingToken);
                    break;
            }
        }
    }

    /// <summary>
    /// Publishes one batch of unsent rows. Plain Npgsql, three round trips a batch (lock and read, mark, commit):
    /// the relay runs once per committing request, so its overhead is paid on every event.
    /// </summary>
    public async Task<RelayRound> PublishPendingAsync(CancellationToken cancellationToken)
    {
        var dataSource = await DataSourceAsync();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var batch = await OutboxRows.ReadBatchAsync(connection, transaction, _options.BatchSize, cancellationToken);
        if (batch is null)
        {
            return RelayRound.HeldElsewhere;
        }

        if (batch.Count == 0)
        {
            return RelayRound.Drained;
        }

        // Pipelined: publishes are handed to the broker in recording order and their confirms awaited together, so a
        // batch costs about one confirm round trip instead of one per message. MassTransit keeps call order on the
        // channel once a message type's send path exists. A publish is awaited alone when it builds that path (first
        // of its type) or while recovering from a failure; if it fails, the round stops there, so nothing recorded
        // after it can reach the broker before it.
        var setAside = new List<(long Sequence, string Error)>();
        var inFlight = new List<(PendingMessage Message, Task Publish)>(batch.Count);
        foreach (var message in batch)
        {
            // A row that can never be published (a type this release does not know, a body that does not read) is set
            // aside at once: waiting would only hold back every event recorded after it.
            if (!OutboxRows.TryRead(message, out var type, out var payload, out var unreadable))
            {
                setAside.Add((message.Sequence, unreadable));
                continue;
            }

            var publish = PublishAsync(message, type, payload, cancellationToken);
            inFlight.Add((message, publish));
            if (_recovering || _warmTypes.Add(message.MessageType))
            {
                await SettleAsync(publish);
                if (!publish.IsCompletedSuccessfully)
                {
                    break;
                }
            }
        }

        var sent = new List<long>(inFlight.Count);
        Exception? failure = null;
        PendingMessage? failed = null;
        foreach (var (message, publish) in inFlight)
        {
            try
            {
                await publish;
                sent.Add(message.Sequence);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Rows not confirmed stay unsent for the next attempt; confirmed ones are never published again.
                failure ??= ex;
                failed ??= message;
                _warmTypes.Remove(message.MessageType);
                MessagingTelemetry.PublishFailures.Add(1);
            }
        }

        _recovering = failure is not null;
        var now = time.GetUtcNow();
        if (sent.Count > 0)
        {
            await using var mark = new NpgsqlCommand(
                $"UPDATE {MessagingModel.OutboxTable} SET sent_at = $1, attempts = attempts + 1 WHERE sequence = ANY($2)", connection, transaction)
            {
                Parameters = { new() { Value = now }, new() { Value = sent.ToArray() } },
            };
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }

        // The broker answered but refused this row (or timed out on it): counted against the row, which is set aside
        // after MaxFailures so the rest can flow. While the broker is down nothing is counted: the outage is not the row's.
        if (failed is not null && BrokerConnected())
        {
            if (failed.Failures + 1 >= _options.MaxFailures)
            {
                setAside.Add((failed.Sequence, $"refused {failed.Failures + 1} times while the broker was connected: {failure!.Message}"));
            }
            else
            {
                await using var count = new NpgsqlCommand(
                    $"UPDATE {MessagingModel.OutboxTable} SET failures = failures + 1, last_error = left($2, 2000) WHERE sequence = $1", connection, transaction)
                {
                    Parameters = { new() { Value = failed.Sequence }, new() { Value = failure!.Message } },
                };
                await count.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        foreach (var (sequence, error) in setAside)
        {
            await using var aside = new NpgsqlCommand(
                $"UPDATE {MessagingModel.OutboxTable} SET set_aside_at = $2, failures = failures + 1, last_error = left($3, 2000) WHERE sequence = $1", connection, transaction)
            {
                Parameters = { new() { Value = sequence }, new() { Value = now }, new() { Value = error } },
            };
            await aside.ExecuteNonQueryAsync(cancellationToken);
            MessagingTelemetry.SetAside.Add(1);
            logger.LogError("Outbox message {Sequence} set aside: {Error}. An operator retries it with POST .../outbox/set-aside/{Sequence}/retry", sequence, error, sequence);
        }

        await transaction.CommitAsync(cancellationToken);

        if (failure is not null)
        {
            throw new OutboxPublishException($"Publishing outbox messages failed: {sent.Count} of {batch.Count} confirmed.", failure, sent.Count);
        }

        return batch.Count == _options.BatchSize ? RelayRound.MoreWaiting : RelayRound.Drained;
    }

    private async Task PublishAsync(PendingMessage message, Type type, object payload, CancellationToken cancellationToken)
    {
        // Remote: the request that recorded the event has ended, in this process or another. Left out of the sample, it
        // still gives an activity that carries the trace to the broker's send (MessagingHopSampler keeps the send), whose
        // header carries it to the consumers: none of them begins a trace of its own.
        ActivityContext.TryParse(message.TraceParent, null, isRemote: true, out var parent);
        using var activity = MessagingTelemetry.Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", message.MessageId);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        await bus.Publish(payload, type, context => context.MessageId = message.MessageId, timeout.Token);
        MessagingTelemetry.Published.Add(1);
    }

    /// <summary>Whether the bus is connected to the broker now: a failure then is the message's, not an outage's.</summary>
    private bool BrokerConnected() => bus is IBusControl control && control.CheckHealth().Status == BusHealthStatus.Healthy;

    /// <summary>Waits for a publish without throwing: its outcome is read with the others.</summary>
    private static async Task SettleAsync(Task publish)
    {
        try
        {
            await publish;
        }
        catch (Exception)
        {
        }
    }

    private async ValueTask<NpgsqlDataSource> DataSourceAsync()
    {
        if (_dataSource is null)
        {
            await using var scope = scopes.CreateAsyncScope();
            var connectionString = scope.ServiceProvider.GetRequiredService<TContext>().Database.GetConnectionString()
                ?? throw new InvalidOperationException($"{typeof(TContext).Name} has no connection string.");
            _dataSource = NpgsqlDataSource.Create(connectionString);
        }

        return _dataSource;
    }

    public override void Dispose()
    {
        _dataSource?.Dispose();
        base.Dispose();
    }

    private async Task WaitForSignalAsync(CancellationToken stoppingToken)
    {
        try
        {
            await signal.WaitAsync(_options.PollInterval, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
