using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace Talent.Benchmarks;

/// <summary>
/// Latency from the catalogue's commit to the row in the applications service's read model, over items
/// published through the gateway (draft, submit, publish): first at a fixed rate (open loop), then as fast as the system takes them.
/// Timestamps are the catalogue's publish time (taken just before its commit) and the consumer's receive time
/// (just before its commit), both from this machine's clock.
/// </summary>
public static class PropagationBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var items = options.Get("items", 1000);
        var rate = options.Get("rate", 200);
        var database = options.Get("applications-db", "Host=127.0.0.1;Port=54329;Username=postgres;Database=talent_applications");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = options.Gateway };
        var health = await http.GetAsync("/health");
        if (health.StatusCode != HttpStatusCode.OK)
        {
            Console.WriteLine($"The gateway at {options.Gateway} is not healthy ({(int)health.StatusCode}); start the system with scripts/run first.");
            return 1;
        }

        // Publishing is an operator's act: sign in as the demonstration operator (embedded default).
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await Tokens.OperatorAsync(http));
        var run = DateTime.UtcNow.ToString("HHmmss");
        var warmup = options.Get("warmup", 500);
        Console.WriteLine($"warm-up: {warmup} items at {rate}/s (not reported)");
        await PostAtRateAsync(http, $"BW{run}", warmup, rate);
        await WaitForRowsAsync(database, $"BW{run}", warmup, TimeSpan.FromMinutes(2));


        Console.WriteLine($"fixed rate: {items} items at {rate}/s through {options.Gateway}");
        await DeliverAsync(http, database, $"BR{run}", items, rate);

        Console.WriteLine($"as fast as accepted: {items} items, 32 concurrent publishers");
        await DeliverAsync(http, database, $"BF{run}", items, rate: 0);
        return 0;
    }

    /// <summary>
    /// Publishes <paramref name="items"/> items at <paramref name="rate"/> a second (0: 32 publishers as fast as accepted)
    /// by a client signed in as an operator, waits for every one in the applications' read model and prints the figures;
    /// returns the items delivered per second (first commit to last read-model row) and the commit → read model p99 in ms.
    /// </summary>
    public static async Task<(double ItemsPerSecond, double P99)> DeliverAsync(HttpClient operatorClient, string database, string prefix, int items, int rate)
    {
        var posted = await PostAtRateAsync(operatorClient, prefix, items, rate);
        return await ReportAsync(database, prefix, items, posted);
    }

    private static async Task<(TimeSpan Elapsed, List<double> SubmitMillis)> PostAtRateAsync(HttpClient http, string prefix, int count, int rate)
    {
        var submit = new List<double>(count);
        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(rate > 0 ? 256 : 32);
        var tasks = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            if (rate > 0)
            {
                var due = TimeSpan.FromSeconds((double)i / rate);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
            }

            await gate.WaitAsync();
            var code = $"{prefix}-{i:D6}";
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    var started = Stopwatch.GetTimestamp();
                    await PostAsync(http, code);
                    lock (submit)
                    {
                        submit.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        await Task.WhenAll(tasks);
        return (clock.Elapsed, submit);
    }

    private static Task PostAsync(HttpClient http, string code) =>
        CatalogueClient.PublishAsync(http, CatalogueClient.Draft(code, "基准测试事项", "Benchmark item", "基准测试数据。", "production", ["research"], "STI", []));

    private static async Task<(double ItemsPerSecond, double P99)> ReportAsync(string database, string prefix, int count, (TimeSpan Elapsed, List<double> SubmitMillis) posted)
    {
        await WaitForRowsAsync(database, prefix, count, TimeSpan.FromMinutes(2));
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT published_at, received_at FROM catalogue_items WHERE code LIKE $1 ORDER BY published_at", connection)
        {
            Parameters = { new() { Value = prefix + "-%" } },
        };
        var latencies = new List<double>(count);
        DateTimeOffset first = DateTimeOffset.MaxValue, last = DateTimeOffset.MinValue;
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var published = reader.GetFieldValue<DateTimeOffset>(0);
                var received = reader.GetFieldValue<DateTimeOffset>(1);
                latencies.Add((received - published).TotalMilliseconds);
                first = published < first ? published : first;
                last = received > last ? received : last;
            }
        }

        Console.WriteLine($"  draft + submit + publish (3 requests through the gateway): {Stats.Percentiles(posted.SubmitMillis)}; {count / posted.Elapsed.TotalSeconds:0} items/s offered");
        Console.WriteLine($"  commit -> applications read model: {Stats.Percentiles(latencies)}");
        var throughput = latencies.Count / (last - first).TotalSeconds;
        Console.WriteLine($"  delivered: {latencies.Count}/{count}, throughput {throughput:0} items/s (first commit to last read-model row)");
        return (throughput, Stats.Percentile(latencies, 0.99));
    }

    private static async Task WaitForRowsAsync(string database, string prefix, int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        while (true)
        {
            await using var query = new NpgsqlCommand("SELECT count(*) FROM catalogue_items WHERE code LIKE $1", connection)
            {
                Parameters = { new() { Value = prefix + "%" } },
            };
            if ((long)(await query.ExecuteScalarAsync())! >= count)
            {
                return;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"only part of {count} items reached the read model within {timeout}");
            }

            await Task.Delay(50);
        }
    }
}
