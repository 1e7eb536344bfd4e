using Talent.Messaging;
using System.Collections.Concurrent;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Talent.Contracts.Catalogue;
using Talent.Messaging.Inbox;
using Talent.Messaging.Outbox;

namespace Talent.Messaging.Tests;

/// <summary>A service's database for these tests: the messaging tables plus what the consumer applies.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : Talent.Data.ServiceDbContext(options)
{
    public DbSet<AppliedEvent> Applied => Set<AppliedEvent>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.Entity<AppliedEvent>(e =>
        {
            e.ToTable("applied_events");
            e.HasKey(a => a.Order);
            e.Property(a => a.Order).UseIdentityAlwaysColumn();
        });
    }
}

/// <summary>One row per application of an event: no unique key on the event id, so a double application shows.</summary>
public sealed class AppliedEvent
{
    public long Order { get; set; }

    public Guid EventId { get; set; }

    public string Code { get; set; } = "";

    public int Version { get; set; }
}

/// <summary>The consumer under test: applies each event through the inbox. Codes starting with POISON always fail.</summary>
public sealed class ApplyingConsumer(TestDbContext db, TimeProvider time, ILogger<ApplyingConsumer> logger, DeliveryLog deliveries)
    : InboxConsumer<TestDbContext, CatalogueItemPublished>(db, time, logger)
{
    protected override Task HandleAsync(CatalogueItemPublished message, CancellationToken cancellationToken)
    {
        deliveries.Attempt(message.EventId);
        if (message.Code.StartsWith("POISON", StringComparison.Ordinal) && deliveries.PoisonFails)
        {
            throw new InvalidOperationException($"{message.Code} cannot be applied");
        }

        Db.Applied.Add(new AppliedEvent { EventId = message.EventId, Code = message.Code, Version = message.Version });
        return Task.CompletedTask;
    }
}

/// <summary>The same as <see cref="ApplyingConsumer"/>, taking its messages in batches; a batch with a POISON code fails whole.</summary>
public sealed class BatchApplyingConsumer(TestDbContext db, TimeProvider time, ILogger<BatchApplyingConsumer> logger, DeliveryLog deliveries)
    : BatchInboxConsumer<TestDbContext, CatalogueItemPublished>(db, time, logger)
{
    protected override Task HandleAsync(IReadOnlyList<CatalogueItemPublished> messages, CancellationToken cancellationToken)
    {
        deliveries.Batch(messages.Count);
        foreach (var message in messages)
        {
            deliveries.Attempt(message.EventId);
            if (message.Code.StartsWith("POISON", StringComparison.Ordinal) && deliveries.PoisonFails)
            {
                throw new InvalidOperationException($"{message.Code} cannot be applied");
            }

            Db.Applied.Add(new AppliedEvent { EventId = message.EventId, Code = message.Code, Version = message.Version });
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// What the broker really delivered (a consume observer, before any inbox) and how often the handler ran.
/// </summary>
public sealed class DeliveryLog : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _delivered = new();
    private readonly ConcurrentDictionary<Guid, int> _attempts = new();
    private readonly ConcurrentQueue<int> _batches = new();

    public void Delivered(Guid id) => _delivered.AddOrUpdate(id, 1, (_, n) => n + 1);

    public void Attempt(Guid id) => _attempts.AddOrUpdate(id, 1, (_, n) => n + 1);

    /// <summary>A batch consumer's handler ran for this many messages.</summary>
    public void Batch(int size) => _batches.Enqueue(size);

    public IReadOnlyList<int> Batches => [.. _batches];

    /// <summary>While true, POISON messages fail; an operator's fix is setting it false.</summary>
    public bool PoisonFails { get; set; } = true;

    public int DistinctDelivered => _delivered.Count;

    public int AttemptsOf(Guid id) => _attempts.GetValueOrDefault(id);

    public IReadOnlyDictionary<Guid, int> Deliveries => _delivered;

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        Delivered(context.MessageId ?? Guid.Empty);
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
