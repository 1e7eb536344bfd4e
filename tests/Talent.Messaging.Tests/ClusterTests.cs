using MassTransit;
using Talent.Testing;
using Xunit;

namespace Talent.Messaging.Tests;

/// <summary>
/// A real three-node RabbitMQ cluster on this machine (#22): a service reaching its nodes one by one
/// (<c>Messaging:ClusterNodes</c>) with quorum queues spread over all three loses the node it is connected to, which also
/// leads its queue (RabbitMQ places a quorum queue's leader on the node of the client declaring it), and goes on: every
/// event recorded before and after the crash is applied exactly once, and the queue has a new leader on a node still up.
/// Alone in its collection, run after the others: three Erlang nodes starting take both cores for seconds, which
/// can starve the shared broker of the tests beside them (a fresh run saw a handshake reset there).
/// </summary>
[Collection(Name)]
public sealed class ClusterTests
{
    public const string Name = "rabbitmq-cluster";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_service_on_a_three_node_cluster_loses_the_node_it_uses_and_its_queue_leader_and_applies_every_event_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await RabbitCluster.StartAsync(3, ct);
        await using var database = await TestDatabase.CreateAsync();
        await using var host = await MessagingHost.StartAsync(database.ConnectionString, cluster.Amqp, bus => bus.AddConsumer<ApplyingConsumer>(),
            new Dictionary<string, string?>
            {
                ["Messaging:QuorumQueues"] = "true",
                ["Messaging:ClusterNodes"] = cluster.ClusterNodes,
                ["Messaging:ReconnectMaxInterval"] = "00:00:01",
            });

        var before = MessagingHost.Events(20, "BEFORE").ToList();
        await host.RecordAsync(before);
        await Eventually.UntilAsync(async () => (await host.AppliedAsync()).Count == before.Count, Deadline, "the events before the crash to be applied");

        var queue = (await cluster.QueuesAsync("applying", ct)).Single(q => !q.Name.EndsWith("_error", StringComparison.Ordinal));
        Assert.Equal("quorum", queue.Type);
        Assert.Equal(cluster.Nodes.Select(n => n.Name).Order(), queue.Members.Order());
        var first = cluster.Nodes[0];
        Assert.Equal(first.Name, queue.Leader);

        await cluster.CrashAsync(first);
        var after = MessagingHost.Events(20, "AFTER").ToList();
        await host.RecordAsync(after);

        var expected = before.Concat(after).Select(e => e.EventId).Order().ToList();
        await Eventually.UntilAsync(async () => (await host.AppliedAsync()).Count >= expected.Count, Deadline,
            "the events recorded after the crash to be applied through another node");
        var applied = await host.AppliedAsync();
        Assert.Equal(expected, applied.Select(a => a.EventId).Order().ToList());

        // The queue lives on: a new leader among the two nodes still up, the crashed node still a member (it catches up on
        // return), and the cluster knows two nodes running.
        RabbitCluster.QueueState? now = null;
        await Eventually.UntilAsync(async () =>
        {
            now = (await cluster.QueuesAsync("applying", ct)).Single(q => q.Name == queue.Name);
            return now.Leader is { } leader && leader != first.Name;
        }, Deadline, "a new leader of the queue");
        Assert.Equal(cluster.Nodes.Skip(1).Select(n => n.Name).Order(), now!.Online.Order());
        Assert.Equal(3, now.Members.Count);
        Assert.Equal(cluster.Nodes.Skip(1).Select(n => n.Name).Order(), (await cluster.RunningNodesAsync(ct)).Order());
    }

    [Fact]
    public void Cluster_nodes_are_read_as_host_and_port_with_5672_by_default_and_a_node_that_is_not_one_is_named()
    {
        var address = RabbitMqAddress.Parse("amqp://u:p@rabbit/zone").WithClusterNodes(" rabbit-1:5673, rabbit-2 ,10.0.0.3:5674");
        Assert.Equal([("rabbit-1", (ushort)5673), ("rabbit-2", (ushort)5672), ("10.0.0.3", (ushort)5674)], address.Nodes);
        Assert.Equal("zone", address.VirtualHost);
        Assert.Empty(RabbitMqAddress.Parse("amqp://rabbit/").WithClusterNodes(null).Nodes);

        var refused = Assert.Throws<FormatException>(() => RabbitMqAddress.Parse("amqp://rabbit/").WithClusterNodes("rabbit-1:5673,rabbit-2:x"));
        Assert.Contains("'rabbit-2:x'", refused.Message);
        Assert.Contains("Messaging:ClusterNodes", refused.Message);
    }
}

[CollectionDefinition(ClusterTests.Name, DisableParallelization = true)]
public sealed class ClusterCollection;
