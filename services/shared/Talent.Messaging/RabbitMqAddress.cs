namespace Talent.Messaging;

/// <summary>
/// An AMQP connection string (<c>amqp://user:password@host:port/vhost</c>), as Aspire hands it over, and the nodes of a
/// RabbitMQ cluster when the clients reach them one by one rather than through one address in front of them
/// (<c>Messaging:ClusterNodes</c>).
/// </summary>
public sealed record RabbitMqAddress(string Host, ushort Port, string VirtualHost, string Username, string Password)
{
    /// <summary>The cluster's nodes (<c>host:port</c>), tried in turn on connecting and after losing one; empty: <see cref="Host"/> only.</summary>
    public IReadOnlyList<(string Host, ushort Port)> Nodes { get; init; } = [];

    /// <summary>
    /// This address with the cluster's nodes from <c>Messaging:ClusterNodes</c> (<c>host:port</c>, comma-separated; the
    /// port 5672 when left out). A node the setting cannot name is refused at start-up with the node quoted.
    /// </summary>
    public RabbitMqAddress WithClusterNodes(string? nodes)
    {
        if (string.IsNullOrWhiteSpace(nodes))
        {
            return this;
        }

        var parsed = new List<(string, ushort)>();
        foreach (var node in nodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = node.LastIndexOf(':');
            var host = colon < 0 ? node : node[..colon];
            ushort port = 5672;
            if (host.Length == 0 || (colon >= 0 && (!ushort.TryParse(node[(colon + 1)..], out port) || port == 0)))
            {
                throw new FormatException($"Messaging:ClusterNodes: '{node}' is not a node (host:port, e.g. rabbit-1:5672).");
            }

            parsed.Add((host, port));
        }

        return this with { Nodes = parsed };
    }

    public static RabbitMqAddress Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps" or "rabbitmq"))
        {
            throw new FormatException("The messaging connection string must be an amqp:// URI, e.g. amqp://guest:guest@localhost:5672/.");
        }

        var user = uri.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new RabbitMqAddress(
            uri.Host,
            (ushort)(uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port),
            vhost.Length == 0 ? "/" : vhost,
            user.Length > 0 && user[0].Length > 0 ? Uri.UnescapeDataString(user[0]) : "guest",
            user.Length > 1 ? Uri.UnescapeDataString(user[1]) : "guest");
    }
}
