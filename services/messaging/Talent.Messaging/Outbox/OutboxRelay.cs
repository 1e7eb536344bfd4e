using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Talent.Messaging.Persistence;

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
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    // Any constant works: each service has its own database, so the lock is per service.
    private const long RelayLockKey = 0x7A1E_0B0C;

    private readonly OutboxOptions _options = options.Value;

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
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                backoff = backoff == TimeSpan.Zero ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
                logger.LogWarning(ex, "Outbox relay could not publish; retrying in {Backoff}", backoff);
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

    /// <summary>Publishes one batch of unsent rows. Public for tests and tools.</summary>
    public async Task<RelayRound> PublishPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var held = await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({RelayLockKey}) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!held)
        {
            return RelayRound.HeldElsewhere;
        }

        var batch = await db.Set<OutboxMessage>()
            .FromSqlRaw(
                $"SELECT * FROM {MessagingModel.OutboxTable} WHERE sent_at IS NULL ORDER BY sequence LIMIT {{0}} FOR UPDATE SKIP LOCKED",
                _options.BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return RelayRound.Drained;
        }

        Exception? failure = null;
        foreach (var message in batch)
        {
            try
            {
                await PublishAsync(message, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Keep what was confirmed; the rest stays unsent, in order, for the next attempt.
                failure = ex;
                break;
            }

            message.MarkSent(time.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (failure is not null)
        {
            throw new OutboxPublishException($"Publishing outbox message failed after {batch.Count(m => m.SentAt is not null)} of {batch.Count}.", failure);
        }

        return batch.Count == _options.BatchSize ? RelayRound.MoreWaiting : RelayRound.Drained;
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = EventTypes.Resolve(message.MessageType);
        var payload = JsonSerializer.Deserialize(message.Body, type, OutboxRecording.Json)
            ?? throw new InvalidOperationException($"Outbox message {message.MessageId} has an empty body.");

        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = MessagingTelemetry.Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", message.MessageId);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        await bus.Publish(payload, type, context => context.MessageId = message.MessageId, timeout.Token);
        MessagingTelemetry.Published.Add(1);
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

public enum RelayRound
{
    Drained,
    MoreWaiting,
    HeldElsewhere,
}

public sealed class OutboxPublishException(string message, Exception inner) : Exception(message, inner);
