using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Talent.Messaging.Inbox;

/// <summary>How batch consumers are registered: <c>bus.AddBatchConsumer&lt;T&gt;()</c> for a <see cref="BatchInboxConsumer{TContext, TMessage}"/>.</summary>
public static class BatchInbox
{
    /// <summary>At most this many messages a batch (the endpoint's prefetch and concurrency are raised to it).</summary>
    public const int MessageLimit = 100;

    /// <summary>
    /// How long the first message of a batch waits for more: a message arriving alone is applied this much later; under load
    /// the batch fills first.
    /// </summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(5);

    /// <summary>Registers a batch consumer: one batch at a time, up to <see cref="MessageLimit"/> messages or <see cref="TimeLimit"/>.</summary>
    public static IConsumerRegistrationConfigurator<T> AddBatchConsumer<T>(this IBusRegistrationConfigurator bus)
        where T : class, IConsumer =>
        bus.AddConsumer<T>(c => c.Options<BatchOptions>(o => o.SetMessageLimit(MessageLimit).SetTimeLimit(TimeLimit).SetConcurrencyLimit(1)));
}

/// <summary>
/// The inbox for a consumer that takes its messages in batches (MassTransit <see cref="Batch{T}"/>): the messages already
/// applied are looked up in one query and skipped, the rest are applied together and their inbox rows saved with the
/// changes in one transaction. When that fails (other than for a database outage, which the whole batch waits out), each
/// message is applied alone; MassTransit retries the batch while any fails (the applied ones are then skipped) and in the
/// end moves only the failing ones to the error queue.
/// </summary>
/// <remarks>
/// For fan-out events whose handling is small next to its transaction (read-model copies): a profile of the applications
/// service under `propagation --rate 0` (32 publishers as fast as accepted) had a quarter of its processor time in one
/// copy's query, insert and commit.
/// A replica that applied one of the messages meanwhile makes the batch's commit fail on the inbox's key; applied alone,
/// that message is then skipped as a duplicate.
/// </remarks>
public abstract class BatchInboxConsumer<TContext, TMessage>(TContext db, TimeProvider time, ILogger logger) : IConsumer<Batch<TMessage>>
    where TContext : DbContext
    where TMessage : class
{
    protected TContext Db => db;

    protected TimeProvider Time => time;

    /// <summary>The consumer's name in the inbox; one message may be applied once by each consumer.</summary>
    protected virtual string ConsumerName => GetType().Name;

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var cancellationToken = context.CancellationToken;
        var pending = new List<ConsumeContext<TMessage>>(context.Message.Length);
        var withoutId = 0;
        foreach (var message in context.Message)
        {
            // Without an id a message cannot be de-duplicated: it fails alone (below), its batch-mates are applied. (A
            // second delivery of one id MassTransit keeps out of the batch; were it in, the inbox's key would refuse it.)
            if (message.MessageId is null)
            {
                withoutId++;
            }
            else if (Concerns(message.Message))
            {
                pending.Add(message);
            }
        }

        await ApplyPendingAsync(context, pending, cancellationToken);
        if (withoutId > 0)
        {
            await MarkConsumedAsync(context, new HashSet<Guid>());
            throw new InvalidOperationException($"{withoutId} {typeof(TMessage).Name} arrived without a message id; they cannot be de-duplicated.");
        }
    }

    private async Task ApplyPendingAsync(ConsumeContext<Batch<TMessage>> context, List<ConsumeContext<TMessage>> pending, CancellationToken cancellationToken)
    {
        if (pending.Count > 1)
        {
            await SkipAppliedAsync(pending, cancellationToken);
        }

        if (pending.Count > 1)
        {
            try
            {
                await ApplyAsync(pending, cancellationToken);
                return;
            }
            catch (Exception e) when (!DatabaseOutage.IsOutage(e) && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "A batch of {Count} {MessageType} failed in {Consumer}; applying them one by one", pending.Count, typeof(TMessage).Name, ConsumerName);
            }
        }

        // Alone (a quiet moment, or a retry: no lookup first, a duplicate is refused by the inbox's key at commit), or
        // after the batch failed.
        await ApplyOneByOneAsync(context, pending, cancellationToken);
    }

    /// <summary>Takes out the messages this consumer has applied already (one query for the batch).</summary>
    private async Task SkipAppliedAsync(List<ConsumeContext<TMessage>> pending, CancellationToken cancellationToken)
    {
        var ids = pending.Select(p => p.MessageId!.Value).ToList();
        var consumer = ConsumerName;
        var applied = await db.Set<InboxMessage>().AsNoTracking()
            .Where(m => m.Consumer == consumer && ids.Contains(m.MessageId))
            .Select(m => m.MessageId)
            .ToListAsync(cancellationToken);
        if (applied.Count > 0)
        {
            var skip = applied.ToHashSet();
            // Those marked consumed were applied by an earlier attempt of this batch (a retry): not duplicates delivered.
            var duplicates = pending.Count(p => skip.Contains(p.MessageId!.Value) && !p.ReceiveContext.IsDelivered);
            if (duplicates > 0)
            {
                MessagingTelemetry.DuplicatesSkipped.Add(duplicates);
                logger.LogInformation("Skipped {Count} {MessageType} already applied by {Consumer}", duplicates, typeof(TMessage).Name, consumer);
            }

            pending.RemoveAll(p => skip.Contains(p.MessageId!.Value));
        }
    }

    /// <summary>
    /// Each message in a transaction of its own. If any fails, the others are marked consumed and the batch fails:
    /// MassTransit retries it (the applied ones are then found in the inbox) and in the end moves only the failing ones to
    /// the error queue.
    /// </summary>
    private async Task ApplyOneByOneAsync(ConsumeContext<Batch<TMessage>> context, List<ConsumeContext<TMessage>> pending, CancellationToken cancellationToken)
    {
        var failed = new HashSet<Guid>();
        Exception? first = null;
        foreach (var message in pending)
        {
            try
            {
                await ApplyAloneAsync(message, cancellationToken);
            }
            catch (Exception e) when (!DatabaseOutage.IsOutage(e) && !cancellationToken.IsCancellationRequested)
            {
                failed.Add(message.MessageId!.Value);
                first ??= e;
            }
        }

        if (first is null)
        {
            return;
        }

        await MarkConsumedAsync(context, failed);
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
    }

    /// <summary>
    /// Marks every message of the batch but the failed ones (and those without an id) consumed: applied now or before, or of
    /// no concern here. When the batch fails for good, MassTransit acknowledges those and moves only the failed ones to the
    /// error queue. (MassTransit keeps a second delivery of a message already in the batch out of it, waiting on the
    /// batch's outcome: if the batch fails for good, that copy lands in the error queue too, and a replay skips it.)
    /// </summary>
    private async Task MarkConsumedAsync(ConsumeContext<Batch<TMessage>> context, IReadOnlySet<Guid> failed)
    {
        foreach (var message in context.Message)
        {
            if (message.MessageId is { } id && !failed.Contains(id) && !message.ReceiveContext.IsDelivered)
            {
                await message.NotifyConsumed(message, message.ReceiveContext.ElapsedTime, ConsumerName);
            }
        }
    }

    /// <summary>One message in its own transaction; found applied meanwhile (a replica's commit), it is skipped.</summary>
    private async Task ApplyAloneAsync(ConsumeContext<TMessage> message, CancellationToken cancellationToken)
    {
        try
        {
            await ApplyAsync([message], cancellationToken);
        }
        catch (DbUpdateException ex) when (InboxMessage.IsDuplicate(ex))
        {
            MessagingTelemetry.DuplicatesSkipped.Add(1);
            logger.LogInformation("Skipped {MessageType} {MessageId}: already applied by {Consumer}", typeof(TMessage).Name, message.MessageId, ConsumerName);
        }
    }

    private async Task ApplyAsync(IReadOnlyList<ConsumeContext<TMessage>> messages, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        try
        {
            await HandleAsync([.. messages.Select(m => m.Message)], cancellationToken);
            var now = time.GetUtcNow();
            db.Set<InboxMessage>().AddRange(messages.Select(m => InboxMessage.Create(m.MessageId!.Value, ConsumerName, now)));
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Whether the message can change anything here, decided from the message alone (as <see cref="InboxConsumer{TContext, TMessage}"/>).</summary>
    protected virtual bool Concerns(TMessage message) => true;

    /// <summary>Applies the messages, in the order received, to the service's state; the caller saves, with the inbox rows.</summary>
    protected abstract Task HandleAsync(IReadOnlyList<TMessage> messages, CancellationToken cancellationToken);
}
