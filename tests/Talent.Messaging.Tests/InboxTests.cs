using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Talent.Contracts.Catalogue;
using Talent.Messaging.ErrorQueues;
using Talent.Testing;
using Xunit;

namespace Talent.Messaging.Tests;

public sealed class InboxTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_same_message_delivered_twice_changes_state_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var vhost = await TestVirtualHost.CreateAsync();
        await using var host = await MessagingHost.StartAsync(database.ConnectionString, vhost.Amqp,
            bus => bus.AddConsumer<ApplyingConsumer>(), new Dictionary<string, string?> { ["Messaging:ConcurrentMessageLimit"] = "1" }, relay: false);
        var bus = host.Services.GetRequiredService<IBus>();
        var twice = MessagingHost.Events(1, "TWICE").Single();
        var marker = MessagingHost.Events(1, "MARKER").Single();

        // Published directly, as a relay that crashed between the broker's confirm and its own commit would.
        await bus.Publish(twice, c => c.MessageId = twice.EventId, TestContext.Current.CancellationToken);
        await bus.Publish(twice, c => c.MessageId = twice.EventId, TestContext.Current.CancellationToken);
        await bus.Publish(marker, c => c.MessageId = marker.EventId, TestContext.Current.CancellationToken);

        // One consumer at a time, in order: once the marker is applied, both copies have been handled.
        await Eventually.UntilAsync(async () => (await host.AppliedAsync()).Any(a => a.EventId == marker.EventId), Deadline, "the marker");
        var applied = await host.AppliedAsync();
        Assert.Equal(2, host.Deliveries.Deliveries[twice.EventId]);
        Assert.Single(applied, a => a.EventId == twice.EventId);
    }

    [Fact]
    public async Task A_consumer_that_keeps_failing_ends_in_the_error_queue_after_its_retries_and_can_be_moved_back()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var vhost = await TestVirtualHost.CreateAsync();
        await using var host = await MessagingHost.StartAsync(database.ConnectionString, vhost.Amqp,
            bus => bus.AddConsumer<ApplyingConsumer>(), relay: false);
        var bus = host.Services.GetRequiredService<IBus>();
        var poison = MessagingHost.Events(1, "POISON").Single();
        var queue = await QueueOfAsync(vhost);

        await bus.Publish(poison, c => c.MessageId = poison.EventId, TestContext.Current.CancellationToken);

        await Eventually.UntilAsync(async () => await vhost.ReadyMessagesAsync(queue + "_error") == 1, Deadline, "the message in the error queue");
        Assert.Equal(3, host.Deliveries.AttemptsOf(poison.EventId)); // the first try and two retries (Messaging:RetryLimit)
        Assert.Empty(await host.AppliedAsync());
        Assert.Equal(0, await vhost.ReadyMessagesAsync(queue));

        // The operator sees it, fixes the cause and moves it back (the service's error-queues endpoint and dashboard command).
        var errors = host.Services.GetRequiredService<ErrorQueue>();
        Assert.Equal(new ErrorQueue.Depth(queue, queue + "_error", 1), Assert.Single(await errors.DepthsAsync(TestContext.Current.CancellationToken)));
        host.Deliveries.PoisonFails = false;
        Assert.Equal(new ErrorQueue.Moved(queue, 1), Assert.Single(await errors.MoveBackAsync(null, TestContext.Current.CancellationToken)));
        await Eventually.UntilAsync(async () => (await host.AppliedAsync()).Any(a => a.EventId == poison.EventId), Deadline, "the replayed message to be applied");
        Assert.Equal(0, await vhost.ReadyMessagesAsync(queue + "_error"));
        Assert.Equal(4, host.Deliveries.AttemptsOf(poison.EventId));
    }

    [Fact]
    public async Task Messages_delivered_while_the_consumers_database_is_down_are_all_applied_once_it_returns_and_none_goes_to_the_error_queue()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var vhost = await TestVirtualHost.CreateAsync();
        var direct = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var gate = new TcpGate(direct.Host!, direct.Port);
        gate.Open();
        var gated = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = gate.Port };
        // Ordinary failures give up after two quick retries (well under a second); an outage is ridden out for 60 s.
        await using var host = await MessagingHost.StartAsync(gated.ConnectionString, vhost.Amqp, bus => bus.AddConsumer<ApplyingConsumer>(),
            new Dictionary<string, string?> { ["Messaging:OutageRetryFor"] = "00:01:00", ["Messaging:OutageRetryMaxInterval"] = "00:00:00.500" }, relay: false);
        var bus = host.Services.GetRequiredService<IBus>();
        var queue = await QueueOfAsync(vhost);
        var events = MessagingHost.Events(10, "OUTAGE").ToList(); // fewer than ConcurrentMessageLimit: all in hand at once

        gate.Close();
        foreach (var e in events)
        {
            await bus.Publish(e, c => c.MessageId = e.EventId, ct);
        }

        // Far past the ordinary retries: every message has been tried and refused by the database many times.
        await Eventually.UntilAsync(() => Task.FromResult(host.Deliveries.Deliveries.Count == events.Count && gate.Refused >= 3 * events.Count), Deadline, "repeated attempts during the outage");
        Assert.Null(await vhost.ReadyMessagesAsync(queue + "_error"));

        gate.Open();
        await Eventually.UntilAsync(async () => (await host.AppliedAsync()).Count == events.Count, Deadline, "every message applied after the outage");
        var applied = await host.AppliedAsync();
        Assert.Equal(events.Select(e => e.EventId).Order(), applied.Select(a => a.EventId).Order());
        Assert.Null(await vhost.ReadyMessagesAsync(queue + "_error"));
    }

    private static async Task<string> QueueOfAsync(TestVirtualHost vhost)
    {
        string? found = null;
        await Eventually.UntilAsync(async () => (found = await vhost.QueueNamedLikeAsync("applying")) is not null, Deadline, "the consumer's queue");
        return found!;
    }
}
