using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Talent.Testing;
using Xunit;

namespace Talent.Messaging.Tests;

/// <summary>
/// Quorum queues (#22): with <c>Messaging:QuorumQueues</c> a service's receive queue, and the error queue its failures go
/// to, are declared as quorum queues, and carry messages as before (applied once; a failing one in the error queue, moved
/// back). A single-node broker here, with a group of one node (<c>Messaging:QuorumInitialGroupSize</c>); losing a node of
/// a three-node cluster is <see cref="ClusterTests"/>. Without the setting, queues stay classic (an existing install's
/// queues cannot change type).
/// </summary>
public sealed class QuorumQueueTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task With_quorum_queues_on_the_receive_and_error_queues_are_quorum_queues_that_carry_messages_and_by_default_they_are_classic()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var vhost = await TestVirtualHost.CreateAsync();
        await using var host = await MessagingHost.StartAsync(database.ConnectionString, vhost.Amqp, bus => bus.AddConsumer<ApplyingConsumer>(),
            new Dictionary<string, string?> { ["Messaging:QuorumQueues"] = "true", ["Messaging:QuorumInitialGroupSize"] = "1" }, relay: false);
        var bus = host.Services.GetRequiredService<IBus>();
        var applied = MessagingHost.Events(1, "QUORUM").Single();
        var poison = MessagingHost.Events(1, "POISON").Single();

        await bus.Publish(applied, c => c.MessageId = applied.EventId, ct);
        await bus.Publish(poison, c => c.MessageId = poison.EventId, ct);

        string? queue = null;
        await Eventually.UntilAsync(async () => (queue = await vhost.QueueNamedLikeAsync("applying")) is not null, Deadline, "the consumer's queue");
        await Eventually.UntilAsync(async () => (await host.AppliedAsync()).Any(a => a.EventId == applied.EventId), Deadline, "the message to be applied");
        await Eventually.UntilAsync(async () => await vhost.ReadyMessagesAsync(queue + "_error") == 1, Deadline, "the failing message in the error queue");
        Assert.Equal("quorum", await vhost.QueueTypeAsync(queue!));
        Assert.Equal("quorum", await vhost.QueueTypeAsync(queue + "_error"));

        // Moved back once the cause is fixed, through a quorum error queue as through a classic one.
        host.Deliveries.PoisonFails = false;
        await host.Services.GetRequiredService<Talent.Messaging.ErrorQueues.ErrorQueue>().MoveBackAsync(null, ct);
        await Eventually.UntilAsync(async () => (await host.AppliedAsync()).Any(a => a.EventId == poison.EventId), Deadline, "the moved-back message to be applied");

        // The default: classic queues.
        await using var classicVhost = await TestVirtualHost.CreateAsync();
        await using var classic = await MessagingHost.StartAsync(database.ConnectionString, classicVhost.Amqp, bus => bus.AddConsumer<ApplyingConsumer>(), relay: false);
        string? classicQueue = null;
        await Eventually.UntilAsync(async () => (classicQueue = await classicVhost.QueueNamedLikeAsync("applying")) is not null, Deadline, "the classic consumer's queue");
        Assert.Equal("classic", await classicVhost.QueueTypeAsync(classicQueue!));
    }
}
