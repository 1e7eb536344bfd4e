namespace Talent.Messaging;

/// <summary>Consumer settings (configuration section <c>Messaging</c>). Defaults measured on 2 cores: see STACK.md.</summary>
public sealed class MessagingOptions
{
    /// <summary>MassTransit's default (16) falls behind its own publishing here; 200 keeps up.</summary>
    public ushort PrefetchCount { get; set; } = 200;

    public int ConcurrentMessageLimit { get; set; } = 16;

    public int RetryLimit { get; set; } = 5;

    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// While the service's database is unreachable a message is tried again this long (then it goes to the error
    /// queue like any failure): long enough to ride out a restart or a failover of a few minutes.
    /// </summary>
    public TimeSpan OutageRetryFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest wait between two attempts during an outage.</summary>
    public TimeSpan OutageRetryMaxInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest wait between two attempts to reach RabbitMQ again after losing it (MassTransit's own is 30 s; see
    /// <see cref="BrokerReconnect"/>): a broker that returns is used again within about this long.
    /// </summary>
    public TimeSpan ReconnectMaxInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The services' receive queues are quorum queues (<c>Messaging:QuorumQueues</c>): replicated by Raft across a RabbitMQ
    /// cluster's nodes, so a three-node cluster loses no message when one node goes. Off by default, for the single broker of
    /// the embedded default and for an existing install: RabbitMQ refuses to declare an existing classic queue as a quorum
    /// one (PRECONDITION_FAILED), so switching means a new virtual host or the old queues drained and deleted
    /// (docs/deploy.md).
    /// </summary>
    public bool QuorumQueues { get; set; }

    /// <summary>
    /// How many nodes each quorum queue starts on (<c>x-quorum-initial-group-size</c>); unset, every node of the cluster
    /// (RabbitMQ's default). One on a single node.
    /// </summary>
    public int? QuorumInitialGroupSize { get; set; }

    /// <summary>
    /// A RabbitMQ cluster's nodes, <c>host:port</c> comma-separated, where the services reach them one by one (no load
    /// balancer or Kubernetes Service in front): connections go to the first node that answers and move to the next when
    /// it is lost. The connection string still gives the user, password and virtual host. Read at start-up by
    /// <see cref="RabbitMqAddress.WithClusterNodes"/>.
    /// </summary>
    public string? ClusterNodes { get; set; }
}
