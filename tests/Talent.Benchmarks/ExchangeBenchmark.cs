using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Talent.Contracts.Catalogue;

namespace Talent.Benchmarks;

/// <summary>
/// The exchange on the running embedded default, as the demonstration municipal system (client credentials through the
/// gateway): (1) webhook delivery — a receiver in this process subscribes, <c>CatalogueItemPublished</c> events are sent at
/// a fixed rate straight to the exchange's feed queue (no other service sees them), and for each the time from the send
/// to its arrival at the receiver, on this machine's clock; (2) change-feed reads — the whole feed read from the start in
/// pages of 500 through the gateway, events per second.
/// </summary>
public static class ExchangeBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var count = options.Get("events", 2000);
        var rate = options.Get("rate", 100);
        var runs = options.Get("runs", 3);
        var broker = new Uri(options.Get("broker", "amqp://guest:guest@127.0.0.1:56729/"));
        using var gateway = new HttpClient { BaseAddress = options.Gateway };
        using var token = await gateway.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "municipal-demo", ["client_secret"] = "municipal-demo-secret",
        }));
        if (!token.IsSuccessStatusCode)
        {
            Console.WriteLine($"No token for municipal-demo at {options.Gateway} ({(int)token.StatusCode}); start the system first (TALENT_CONFIGURATION=Release scripts/run).");
            return 1;
        }

        gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());

        // The receiver: every POST's CloudEvent id and when it arrived.
        var arrived = new ConcurrentDictionary<string, DateTimeOffset>();
        using var listener = new HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var receiving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception) when (!listener.IsListening)
                {
                    return;
                }

                var at = DateTimeOffset.UtcNow;
                using (var body = JsonDocument.Parse(context.Request.InputStream))
                {
                    arrived.TryAdd(body.RootElement.GetProperty("id").GetString()!, at);
                }

                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        });
        using var subscribed = await gateway.PostAsJsonAsync("/exchange/v1/webhooks", new { url = $"http://127.0.0.1:{port}/hook", types = new[] { "cn.talent.catalogue.item.published.v1" } });
        subscribed.EnsureSuccessStatusCode();
        var subscription = (await subscribed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(broker, host =>
        {
            host.Username(Uri.UnescapeDataString(broker.UserInfo.Split(':')[0]));
            host.Password(Uri.UnescapeDataString(broker.UserInfo.Split(':')[1]));
        }));
        await bus.StartAsync();
        try
        {
            var queue = await bus.GetSendEndpoint(new Uri("queue:exchange-item-published-to-feed"));
            await RunAtAsync(queue, arrived, options.Get("warmup", 1000), rate, "warm-up", print: false);
            var p95s = new List<double>();
            for (var i = 1; i <= runs; i++)
            {
                p95s.Add(await RunAtAsync(queue, arrived, count, rate, $"run {i} of {runs}", print: true));
            }

            p95s.Sort();
            Console.WriteLine($"exchange: send → webhook received p95, median of {runs} runs: {p95s[runs / 2]:0} ms (spread {p95s[0]:0}–{p95s[^1]:0} ms)");
        }
        finally
        {
            await bus.StopAsync();
            await gateway.DeleteAsync($"/exchange/v1/webhooks/{subscription}");
            listener.Stop();
            await receiving;
        }

        // Change-feed reads: the whole feed from the start, three times; events per second of each.
        var reads = new List<double>();
        long events = 0;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            (events, var pages) = await ReadFeedAsync(gateway);
            reads.Add(events / clock.Elapsed.TotalSeconds);
            Console.WriteLine($"exchange, feed read {i + 1} of {runs}: {events} events in {pages} pages of ≤500 through the gateway, {clock.Elapsed.TotalMilliseconds:0} ms, {events / clock.Elapsed.TotalSeconds:0} events/s");
        }

        reads.Sort();
        Console.WriteLine($"exchange: change-feed reads, median of {runs}: {reads[runs / 2]:0} events/s (spread {reads[0]:0}–{reads[^1]:0}) over {events} events");
        return 0;
    }

    private static async Task<(long Events, int Pages)> ReadFeedAsync(HttpClient gateway)
    {
        string? after = null;
        long events = 0;
        var pages = 0;
        while (true)
        {
            var page = await gateway.GetFromJsonAsync<JsonElement>($"/exchange/v1/feed?limit=500{(after is null ? "" : $"&after={after}")}");
            pages++;
            events += page.GetProperty("events").GetArrayLength();
            after = page.GetProperty("next").GetString();
            if (!page.GetProperty("hasMore").GetBoolean())
            {
                return (events, pages);
            }
        }
    }

    /// <summary>One run at the rate; returns send → received p95 in milliseconds.</summary>
    private static async Task<double> RunAtAsync(ISendEndpoint queue, ConcurrentDictionary<string, DateTimeOffset> arrived, int count, int rate, string what, bool print)
    {
        var run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var sent = new Dictionary<string, DateTimeOffset>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            if (TimeSpan.FromSeconds((double)i / rate) - clock.Elapsed is { } wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var now = DateTimeOffset.UtcNow;
            var published = new CatalogueItemPublished(Guid.CreateVersion7(now), now, $"BENCH-EX-{run}-{i:D5}", 1, "基准事项（演示）", "Benchmark item (demonstration)", "HRSS", "benchmark");
            sent[published.EventId.ToString()] = now;
            await queue.Send(published, c => c.MessageId = published.EventId);
        }

        var offered = count / clock.Elapsed.TotalSeconds;
        var done = Stopwatch.StartNew();
        while (sent.Keys.Any(id => !arrived.ContainsKey(id)) && done.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(100);
        }

        var latencies = sent.Where(s => arrived.ContainsKey(s.Key)).Select(s => (arrived[s.Key] - s.Value).TotalMilliseconds).Order().ToList();
        if (print)
        {
            Console.WriteLine($"exchange, {what}: {count} events offered at {rate}/s (achieved {offered:0}/s)");
            Console.WriteLine($"  send → webhook received: {Stats.Percentiles(latencies)}; not received within 3 min: {count - latencies.Count}");
        }

        return latencies.Count == 0 ? double.NaN : latencies[(int)Math.Ceiling(0.95 * latencies.Count) - 1];
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
