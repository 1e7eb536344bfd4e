using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Talent.Messaging.Inbox;

/// <summary>
/// Base of every consumer: the message id goes into the inbox in the same SaveChanges (one transaction) as the
/// consumer's own changes and any events it records. A message already applied violates the inbox's key, so
/// the whole transaction rolls back and the message is acknowledged as a duplicate: nothing is applied twice.
/// Any other failure rolls back too; MassTransit retries, then moves the message to the error queue.
/// </summary>
/// <remarks>
/// Deduplicating at commit rather than with a lookup first saves two database round trips per message, which
/// is what limits consumers on small machines; the price is that a duplicate runs the handler's reads once more.
/// </remarks>
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
        if (!Concerns(context.Message))
        {
            // Nothing will change, so there is nothing to apply twice: acknowledged without a transaction.
            return;
        }

        db.ChangeTracker.Clear();
        await HandleAsync(context.Message, cancellationToken);
        db.Set<InboxMessage>().Add(InboxMessage.Create(messageId, ConsumerName, time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (InboxMessage.IsDuplicate(ex))
        {
            db.ChangeTracker.Clear();
            MessagingTelemetry.DuplicatesSkipped.Add(1);
            logger.LogInformation("Skipped {MessageType} {MessageId}: already applied by {Consumer}", typeof(TMessage).Name, messageId, ConsumerName);
        }
    }

    /// <summary>
    /// Whether the message can change anything here, decided from the message alone; one that cannot is acknowledged
    /// without a database round trip (a fan-out event often carries many this consumer ignores).
    /// </summary>
    protected virtual bool Concerns(TMessage message) => true;

    /// <summary>Applies the message to the service's state; changes are saved by the caller, with the inbox row.</summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}
