using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Talent.Testing;

/// <summary>
/// A real RabbitMQ cluster of several nodes on this machine, for one test: Debian's <c>rabbitmq-server</c> (the test
/// command installs it) started once per node with its own node name, AMQP and distribution ports and data folder, a
/// port mapper (epmd) of its own on a free port, one Erlang cookie, and the nodes forming the cluster by themselves
/// (classic peer discovery). <see cref="CrashAsync"/> kills a node's whole process tree, as a machine that fails.
/// </summary>
public sealed class RabbitCluster : IAsyncDisposable
{
    private const string RabbitBin = "/usr/lib/rabbitmq/bin";
    private static readonly TimeSpan FormDeadline = TimeSpan.FromSeconds(120);

    private readonly string _folder;
    private readonly int _epmdPort;
    private readonly Process _epmd;
    private readonly List<Node> _nodes = [];

    public sealed record Node(string Name, int AmqpPort, Process Process)
    {
        public bool Crashed { get; set; }
    }

    /// <summary>A quorum queue as <c>rabbitmqctl list_queues</c> reports it: its leader, its members, those online.</summary>
    public sealed record QueueState(string Name, string Type, string? Leader, IReadOnlyList<string> Members, IReadOnlyList<string> Online);

    private RabbitCluster(string folder, int epmdPort, Process epmd)
    {
        _folder = folder;
        _epmdPort = epmdPort;
        _epmd = epmd;
    }

    public IReadOnlyList<Node> Nodes => _nodes;

    /// <summary>The first node's address (user, password and virtual host for the services' connection string).</summary>
    public Uri Amqp => new($"amqp://guest:guest@127.0.0.1:{_nodes[0].AmqpPort}/");

    /// <summary>Every node as <c>Messaging:ClusterNodes</c> takes them.</summary>
    public string ClusterNodes => string.Join(",", _nodes.Select(n => $"127.0.0.1:{n.AmqpPort}"));

    public static async Task<RabbitCluster> StartAsync(int size, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The cluster runs Debian's rabbitmq-server: Linux only.");
        }

        if (!File.Exists(Path.Combine(RabbitBin, "rabbitmq-server")))
        {
            throw new InvalidOperationException($"{RabbitBin}/rabbitmq-server is missing: install Debian's rabbitmq-server (scripts/test does).");
        }

        var folder = Directory.CreateTempSubdirectory("talent-cluster-").FullName;
        // One cookie for the nodes and rabbitmqctl: Erlang reads it from $HOME and wants it readable by its owner only.
        var cookie = Path.Combine(folder, ".erlang.cookie");
        await File.WriteAllTextAsync(cookie, Guid.NewGuid().ToString("N"), cancellationToken);
        File.SetUnixFileMode(cookie, UnixFileMode.UserRead);

        var epmdPort = LocalProcess.FreePort();
        var epmd = LocalProcess.Start(folder, epmdPort, "epmd", ["-port", epmdPort.ToString(), "-address", "127.0.0.1"], new Dictionary<string, string>(), Path.Combine(folder, "epmd.log"));
        var cluster = new RabbitCluster(folder, epmdPort, epmd);
        try
        {
            var suffix = Guid.NewGuid().ToString("N")[..6];
            var names = Enumerable.Range(1, size).Select(i => $"talent-c{i}-{suffix}@localhost").ToList();
            foreach (var name in names)
            {
                cluster._nodes.Add(cluster.StartNode(name, names));
            }

            // A node opens its AMQP port once it has joined the cluster; then the cluster is asked for its members.
            var deadline = DateTime.UtcNow + FormDeadline;
            foreach (var node in cluster._nodes)
            {
                await cluster.WaitForPortAsync(node, deadline, cancellationToken);
            }

            await cluster.WaitUntilRunningAsync(names, deadline, cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the node's Erlang VM and its children at once (no orderly leave), as a machine that fails.</summary>
    public async Task CrashAsync(Node node)
    {
        node.Process.Kill(entireProcessTree: true);
        await node.Process.WaitForExitAsync();
        node.Crashed = true;
    }

    /// <summary>The queues whose name contains <paramref name="namePart"/>, as a node still running reports them.</summary>
    public async Task<IReadOnlyList<QueueState>> QueuesAsync(string namePart, CancellationToken cancellationToken)
    {
        var json = await CtlAsync(LiveNode().Name, ["list_queues", "name", "type", "leader", "members", "online", "--formatter", "json", "-q"], cancellationToken);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(q => new QueueState(
                q.GetProperty("name").GetString()!,
                q.GetProperty("type").GetString()!,
                q.TryGetProperty("leader", out var leader) && leader.ValueKind == JsonValueKind.String ? leader.GetString() : null,
                Names(q, "members"),
                Names(q, "online")))
            .Where(q => q.Name.Contains(namePart, StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>The nodes the cluster reports running, asked of a node still running.</summary>
    public async Task<IReadOnlyList<string>> RunningNodesAsync(CancellationToken cancellationToken)
    {
        var json = await CtlAsync(LiveNode().Name, ["cluster_status", "--formatter", "json"], cancellationToken);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("running_nodes").EnumerateArray().Select(n => n.GetString()!).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes.Where(n => !n.Crashed))
        {
            try
            {
                node.Process.Kill(entireProcessTree: true);
                await node.Process.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
            }
        }

        try
        {
            _epmd.Kill(entireProcessTree: true);
            await _epmd.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Node StartNode(string name, IReadOnlyList<string> names)
    {
        var amqp = LocalProcess.FreePort();
        var dist = LocalProcess.FreePort();
        var dir = Path.Combine(_folder, name[..name.IndexOf('@')]);
        Directory.CreateDirectory(Path.Combine(dir, "mnesia"));
        Directory.CreateDirectory(Path.Combine(dir, "log"));
        var peers = string.Join("\n", names.Select((n, i) => $"cluster_formation.classic_config.nodes.{i + 1} = {n}"));
        File.WriteAllText(Path.Combine(dir, "rabbitmq.conf"), $"""
            listeners.tcp.default = 127.0.0.1:{amqp}
            cluster_formation.peer_discovery_backend = classic_config
            {peers}
            """);
        File.WriteAllText(Path.Combine(dir, "enabled_plugins"), "[].");
        var process = LocalProcess.Start(_folder, _epmdPort, Path.Combine(RabbitBin, "rabbitmq-server"), [], new Dictionary<string, string>
        {
            ["RABBITMQ_NODENAME"] = name,
            ["RABBITMQ_DIST_PORT"] = dist.ToString(),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(dir, "rabbitmq.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(dir, "enabled_plugins"),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(dir, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(dir, "log"),
            ["RABBITMQ_LOGS"] = "-",
        }, Path.Combine(dir, "node.log"));
        return new Node(name, amqp, process);
    }

    private Node LiveNode() => _nodes.FirstOrDefault(n => !n.Crashed) ?? throw new InvalidOperationException("Every node of the cluster has crashed.");

    private async Task WaitUntilRunningAsync(IReadOnlyList<string> names, DateTime deadline, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> running = [];
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                running = await RunningNodesAsync(cancellationToken);
                if (names.All(running.Contains))
                {
                    return;
                }
            }
            catch (InvalidOperationException)
            {
                // rabbitmqctl could not reach the node yet.
            }

            await Task.Delay(500, cancellationToken);
        }

        throw new TimeoutException($"The cluster did not form within {FormDeadline.TotalSeconds} s: running {string.Join(", ", running)}.{Logs()}");
    }

    private async Task WaitForPortAsync(Node node, DateTime deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (node.Process.HasExited)
            {
                throw new InvalidOperationException($"RabbitMQ node {node.Name} exited ({node.Process.ExitCode}).{Logs()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, node.AmqpPort, cancellationToken);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, cancellationToken);
            }
            catch (SocketException)
            {
                throw new TimeoutException($"RabbitMQ node {node.Name} did not open port {node.AmqpPort} within {FormDeadline.TotalSeconds} s.{Logs()}");
            }
        }
    }

    private async Task<string> CtlAsync(string node, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(Path.Combine(RabbitBin, "rabbitmqctl"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-n");
        info.ArgumentList.Add(node);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["HOME"] = _folder;
        info.Environment["ERL_EPMD_PORT"] = _epmdPort.ToString();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl -n {node} {string.Join(' ', arguments)} failed ({process.ExitCode}): {(await error).Trim()}");
        }

        return await output;
    }

    private static IReadOnlyList<string> Names(JsonElement queue, string property) =>
        queue.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(n => n.GetString()!).ToList()
            : [];

    private string Logs()
    {
        var tails = _nodes.Select(n =>
        {
            var path = Path.Combine(_folder, n.Name[..n.Name.IndexOf('@')], "node.log");
            var lines = File.Exists(path) ? File.ReadLines(path).TakeLast(15) : [];
            return $"\n--- {n.Name} ---\n{string.Join('\n', lines)}";
        });
        return string.Concat(tails);
    }
}
