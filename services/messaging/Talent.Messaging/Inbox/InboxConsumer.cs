using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Talent.Messaging.Inbox;

/// <summary>
/// Base of every consumer: records the message id in the inbox in the same transaction as the consumer's
/// own changes (and any events it records), and skips a message it has already applied.
/// A handler that throws rolls everything back; MassTransit retries, then moves the message to the error queue.
/// </summary>
public abstract class InboxConsumer<TContext, TMessage>(TContext db, TimeProvider time, ILogger logger) : IConsumer<TMessage>
    where TContext : DbContext
    where TMessage : class
{
    protected TContext Db => db;

    protected TimeProvider Time => time;

    /// <summary>The consumer's name in the inbox; one message may be applied once by each consumer.</summary>
    protected virtual string ConsumerName => GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id; it cannot be de-duplicated.");
        var cancellationToken = context.CancellationToken;

        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var fresh = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {ConsumerName}, {time.GetUtcNow()}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (fresh == 0)
        {
            MessagingTelemetry.DuplicatesSkipped.Add(1);
            logger.LogInformation("Skipped {MessageType} {MessageId}: already applied by {Consumer}", typeof(TMessage).Name, messageId, ConsumerName);
            return;
        }

        await HandleAsync(context.Message, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Applies the message to the service's state; changes are saved by the caller.</summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}
