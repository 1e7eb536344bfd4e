using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Yarp.ReverseProxy.Configuration;

namespace Talent.Benchmarks;

/// <summary>
/// This machine's ceilings, measured in the same run as the system's figures they bound (#21), each the median of three
/// runs after an unmeasured warm-up, with the spread:
/// PostgreSQL's UPDATE + outbox INSERT transactions per second (what every state change with its event costs), RabbitMQ's
/// persistent publish-confirm-consume messages per second, and anonymous search per second directly at the catalogue,
/// through a bare YARP proxy in this process and through the gateway, with the gateway's ratio beside the bare proxy's.
/// </summary>
public static class CeilingsBenchmark
{
    private const string SearchPath = "/api/catalogue/items?q=%E4%BA%BA%E6%89%8D&pageSize=10";

    /// <summary>What this machine allows, and the gateway's share of it on anonymous search.</summary>
    public sealed record Ceilings(Figure Postgres, Figure Rabbit, Figure Direct, Figure Bare, Figure Gateway);

    public static async Task<int> RunAsync(Options options) => await MeasureAsync(options) is null ? 1 : 0;

    /// <summary>Measures and prints the ceilings; null when the catalogue's own address is not found.</summary>
    public static async Task<Ceilings?> MeasureAsync(Options options)
    {
        var seconds = options.Get("seconds", 10);
        var runs = options.Get("runs", 3);
        var postgres = options.Get("postgres", "Host=127.0.0.1;Port=54329;Username=postgres");
        var rabbit = new Uri(options.Get("rabbitmq", "amqp://guest:guest@127.0.0.1:56729/"));
        var concurrency = options.Get("concurrency", 64);

        Console.WriteLine($"ceilings: each the median of {runs} runs of {seconds} s after an unmeasured warm-up");
        var pg = await Stats.RepeatAsync(runs, () => PostgresAsync(postgres, seconds, clients: 32));
        Console.WriteLine($"  PostgreSQL UPDATE + outbox INSERT, 32 connections: {pg} transactions/s");

        var mq = await Stats.RepeatAsync(runs, () => RabbitAsync(rabbit, seconds));
        Console.WriteLine($"  RabbitMQ persistent publish → confirm → consume → ack, 4 channels: {mq} messages/s");

        var catalogue = options.Values.TryGetValue("catalogue", out var given) ? new Uri(given) : ServiceAddress("catalogue");
        if (catalogue is null)
        {
            Console.WriteLine("  search: the catalogue's own address was not found (the gateway's services__catalogue__http__0); give --catalogue URL");
            return null;
        }

        await using var proxy = await BareProxy.StartAsync(catalogue);
        var direct = await Stats.RepeatAsync(runs, () => RequestsPerSecondAsync(catalogue, seconds, concurrency));
        var bare = await Stats.RepeatAsync(runs, () => RequestsPerSecondAsync(proxy.Address, seconds, concurrency));
        var gateway = await Stats.RepeatAsync(runs, () => RequestsPerSecondAsync(options.Gateway, seconds, concurrency));
        Console.WriteLine($"  anonymous search ({SearchPath}), {concurrency} clients:");
        Console.WriteLine($"    direct at the catalogue ({catalogue}): {direct} requests/s");
        Console.WriteLine($"    through a bare YARP proxy (this process): {bare} requests/s, {bare.Median / direct.Median:0.00} of direct");
        Console.WriteLine($"    through the gateway ({options.Gateway}): {gateway} requests/s, {gateway.Median / direct.Median:0.00} of direct, " +
            $"{gateway.Median / bare.Median:0.00} of the bare proxy (targets: ≥ 0.30 of direct or ≥ 0.9 of the bare proxy's ratio)");
        return new Ceilings(pg, mq, direct, bare, gateway);
    }

    private static async Task<double> PostgresAsync(string server, int seconds, int clients)
    {
        const string database = "talent_bench_ceilings";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", admin) { Parameters = { new() { Value = database } } };
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
                await create.ExecuteNonQueryAsync();
            }
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = clients + 4 }.ConnectionString;
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using (var setup = source.CreateBatch())
        {
            setup.BatchCommands.Add(new("CREATE TABLE IF NOT EXISTS ceiling_rows (id int PRIMARY KEY, n bigint NOT NULL, updated_at timestamptz NOT NULL)"));
            setup.BatchCommands.Add(new("CREATE TABLE IF NOT EXISTS ceiling_outbox (sequence bigserial PRIMARY KEY, message_id uuid NOT NULL, body jsonb NOT NULL, recorded_at timestamptz NOT NULL)"));
            setup.BatchCommands.Add(new("INSERT INTO ceiling_rows SELECT g, 0, now() FROM generate_series(1, 10000) g ON CONFLICT DO NOTHING"));
            setup.BatchCommands.Add(new("TRUNCATE ceiling_outbox"));
            await setup.ExecuteNonQueryAsync();
        }

        // An event's body of the services' size (about 1 KB of JSON).
        var body = "{\"eventId\":\"" + Guid.NewGuid() + "\",\"text\":\"" + new string('x', 900) + "\"}";
        var until = Stopwatch.GetTimestamp() + seconds * Stopwatch.Frequency;
        var done = 0L;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            await using var connection = await source.OpenConnectionAsync();
            while (Stopwatch.GetTimestamp() < until)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await using var batch = new NpgsqlBatch(connection, transaction)
                {
                    BatchCommands =
                    {
                        new("UPDATE ceiling_rows SET n = n + 1, updated_at = now() WHERE id = $1") { Parameters = { new() { Value = random.Next(1, 10001) } } },
                        new("INSERT INTO ceiling_outbox (message_id, body, recorded_at) VALUES ($1, $2::jsonb, now())") { Parameters = { new() { Value = Guid.NewGuid() }, new() { Value = body } } },
                    },
                };
                await batch.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                Interlocked.Increment(ref done);
            }
        })));
        return done / (double)seconds;
    }

    private static async Task<double> RabbitAsync(Uri broker, int seconds)
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "talent-bench-ceilings" };
        await using var connection = await factory.CreateConnectionAsync();
        await using var consumerChannel = await connection.CreateChannelAsync();
        var queue = (await consumerChannel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await consumerChannel.BasicQosAsync(0, 200, false);
        var consumed = 0L;
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            Interlocked.Increment(ref consumed);
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, false);
        };
        await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer);

        var body = Encoding.UTF8.GetBytes("{\"text\":\"" + new string('x', 1000) + "\"}");
        var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
        var until = Stopwatch.GetTimestamp() + seconds * Stopwatch.Frequency;
        var channels = new List<IChannel>();
        for (var i = 0; i < 4; i++)
        {
            channels.Add(await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)));
        }

        var startConsumed = Interlocked.Read(ref consumed);
        // 32 publishes in flight per channel, each awaited to its confirm, as the outbox relay publishes a batch.
        await Task.WhenAll(channels.SelectMany(channel => Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                await channel.BasicPublishAsync("", queue, false, properties, body);
            }
        }))));
        var rate = (Interlocked.Read(ref consumed) - startConsumed) / (double)seconds;
        foreach (var channel in channels)
        {
            await channel.DisposeAsync();
        }

        return rate;
    }

    private static async Task<double> RequestsPerSecondAsync(Uri baseAddress, int seconds, int concurrency)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = baseAddress };
        var until = Stopwatch.GetTimestamp() + seconds * Stopwatch.Frequency;
        var done = 0L;
        var failed = 0L;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                using var response = await http.GetAsync(SearchPath);
                await response.Content.CopyToAsync(Stream.Null);
                Interlocked.Increment(ref response.IsSuccessStatusCode ? ref done : ref failed);
            }
        })));
        if (failed > 0)
        {
            Console.WriteLine($"    ({failed} answers from {baseAddress} were not 2xx: a rate limit? start the system with the limits lifted)");
        }

        return done / (double)seconds;
    }

    /// <summary>A service's own address, as the AppHost gave it to the gateway (its environment's service discovery entry).</summary>
    private static Uri? ServiceAddress(string service)
    {
        foreach (var (pid, _) in Processes.Programs().Where(p => Path.GetFileName(p.Program) == "Talent.Gateway"))
        {
            var entry = Processes.Read(pid, "environ")?.Split('\0')
                .FirstOrDefault(e => e.StartsWith($"services__{service}__http__0=", StringComparison.Ordinal));
            if (entry is not null)
            {
                return new Uri(entry[(entry.IndexOf('=') + 1)..]);
            }
        }

        return null;
    }

    /// <summary>YARP with nothing else (no telemetry, limiter, authentication or headers of ours): one route to the catalogue.</summary>
    private sealed class BareProxy : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private BareProxy(WebApplication app, Uri address)
        {
            _app = app;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<BareProxy> StartAsync(Uri destination)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddReverseProxy().LoadFromMemory(
                [new RouteConfig { RouteId = "all", ClusterId = "catalogue", Match = new RouteMatch { Path = "/{**rest}" } }],
                [new ClusterConfig { ClusterId = "catalogue", Destinations = new Dictionary<string, DestinationConfig> { ["one"] = new() { Address = destination.ToString() } } }]);
            var app = builder.Build();
            app.MapReverseProxy();
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new BareProxy(app, new Uri(address));
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
