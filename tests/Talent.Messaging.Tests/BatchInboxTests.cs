using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Talent.Contracts.Catalogue;
using Talent.Messaging.Inbox;
using Talent.Testing;
using Xunit;

namespace Talent.Messaging.Tests;

public sealed class BatchInboxTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Queued_messages_are_applied_in_batches_each_once_even_when_one_is_delivered_twice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var vhost = await TestVirtualHost.CreateAsync();
        var events = MessagingHost.Events(300, "BATCH").ToList();
        var twice = events[42];
        var (deliveries, queue) = await QueueWhileStoppedAsync(database, vhost, [.. events, twice]);

        await using var host = await StartAsync(database, vhost, deliveries);

        await Eventually.UntilAsync(async () => (await host.AppliedAsync()).Count >= events.Count, Deadline, "every message applied");
        // The redelivered copy is consumed after the original (same queue, in order): wait for the queue to empty.
        await Eventually.UntilAsync(async () => await vhost.ReadyMessagesAsync(queue) == 0, Deadline, "the queue to empty");
        var applied = await host.AppliedAsync();
        Assert.Equal(events.Select(e => e.EventId).Order(), applied.Select(a => a.EventId).Order());
        // 301 deliveries waiting at the start fill batches of up to MessageLimit: far fewer transactions than messages.
        Assert.True(deliveries.Batches.Count <= events.Count / 10, $"{deliveries.Batches.Count} batches for {events.Count} messages");
        Assert.True(deliveries.Batches.Max() > 1);
        Assert.True(deliveries.Batches.Max() <= BatchInbox.MessageLimit);
    }

    [Fact]
    public async Task A_message_that_cannot_be_applied_ends_in_the_error_queue_alone_and_the_rest_of_its_batch_is_applied()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var vhost = await TestVirtualHost.CreateAsync();
        var events = MessagingHost.Events(40, "GOOD").ToList();
        var poison = MessagingHost.Events(1, "POISON").Single();
        events.Insert(20, poison);
        var (deliveries, queue) = await QueueWhileStoppedAsync(database, vhost, events);

        await using var host = await StartAsync(database, vhost, deliveries);

        await Eventually.UntilAsync(async () => await vhost.ReadyMessagesAsync(queue + "_error") == 1, Deadline, "the poison message in the error queue");
        await Eventually.UntilAsync(async () => (await host.AppliedAsync()).Count == events.Count - 1, Deadline, "the rest applied");
        var applied = await host.AppliedAsync();
        Assert.Equal(events.Where(e => e != poison).Select(e => e.EventId).Order(), applied.Select(a => a.EventId).Order());
        // Tried in its batch, then alone; then in the batch's two retries (Messaging:RetryLimit), where the others are found
        // applied; then moved. Nothing but it waits in the error queue, nothing is left in the queue.
        Assert.Equal(4, deliveries.AttemptsOf(poison.EventId));
        Assert.Equal(0, await vhost.ReadyMessagesAsync(queue));
        Assert.Equal(1, await vhost.ReadyMessagesAsync(queue + "_error"));
    }

    [Fact]
    public async Task A_message_without_an_id_ends_in_the_error_queue_alone_and_the_rest_of_its_batch_is_applied()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var vhost = await TestVirtualHost.CreateAsync();
        var events = MessagingHost.Events(20, "GOOD").ToList();
        var anonymous = MessagingHost.Events(1, "NOID").Single();
        events.Insert(10, anonymous);
        var (deliveries, queue) = await QueueWhileStoppedAsync(database, vhost, events, withoutId: anonymous);

        await using var host = await StartAsync(database, vhost, deliveries);

        await Eventually.UntilAsync(async () => await vhost.ReadyMessagesAsync(queue + "_error") == 1, Deadline, "the message without an id in the error queue");
        await Eventually.UntilAsync(async () => (await host.AppliedAsync()).Count == events.Count - 1, Deadline, "the rest applied");
        var applied = await host.AppliedAsync();
        Assert.Equal(events.Where(e => e != anonymous).Select(e => e.EventId).Order(), applied.Select(a => a.EventId).Order());
        Assert.Equal(0, deliveries.AttemptsOf(anonymous.EventId));
        Assert.Equal(0, await vhost.ReadyMessagesAsync(queue));
    }

    /// <summary>Binds the consumer's queue, stops it and publishes: the messages wait in the queue for the next start.</summary>
    private static async Task<(DeliveryLog Deliveries, string Queue)> QueueWhileStoppedAsync(
        TestDatabase database, TestVirtualHost vhost, IReadOnlyList<CatalogueItemPublished> events, CatalogueItemPublished? withoutId = null)
    {
        var deliveries = new DeliveryLog();
        string queue;
        // The queue's name is asked while nothing is being deleted (the management API can answer 500 then).
        await using (var first = await StartAsync(database, vhost, deliveries))
        {
            queue = await QueueOfAsync(vhost);
        }

        await using var publisher = await MessagingHost.StartAsync(database.ConnectionString, vhost.Amqp, relay: false);
        var bus = publisher.Services.GetRequiredService<IBus>();
        foreach (var e in events)
        {
            await bus.Publish(e, c => c.MessageId = e == withoutId ? null : e.EventId, TestContext.Current.CancellationToken);
        }

        await Eventually.UntilAsync(async () => await vhost.ReadyMessagesAsync(queue) == events.Count, Deadline, "the messages waiting in the queue");
        return (deliveries, queue);
    }

    private static Task<MessagingHost> StartAsync(TestDatabase database, TestVirtualHost vhost, DeliveryLog deliveries) =>
        MessagingHost.StartAsync(database.ConnectionString, vhost.Amqp, bus => bus.AddBatchConsumer<BatchApplyingConsumer>(),
            deliveries: deliveries, relay: false, serviceName: "batching");

    private static async Task<string> QueueOfAsync(TestVirtualHost vhost)
    {
        string? found = null;
        await Eventually.UntilAsync(async () => (found = await vhost.QueueNamedLikeAsync("batch-applying")) is not null, Deadline, "the consumer's queue");
        return found!;
    }
}
