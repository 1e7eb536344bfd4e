using System.Diagnostics;
using System.Net;

namespace Talent.Benchmarks;

/// <summary>
/// Client-credentials tokens from the embedded identity provider through the gateway (municipal-demo):
/// 1,000 one after another, then 1,000 with 16 in flight. The gateway's token-endpoint rate limit (20/s per
/// client by default) is meant to stop guessing, so lift it for the run (README "Benchmarks").
/// </summary>
public static class TokenBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var count = options.Get("tokens", 1000);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 }) { BaseAddress = options.Gateway };
        await IssueAsync(http, 50, 4); // warm-up, not reported
        foreach (var concurrency in new[] { 1, 16 })
        {
            var clock = Stopwatch.StartNew();
            var latencies = await IssueAsync(http, count, concurrency);
            Console.WriteLine($"  {count} client-credentials tokens, {concurrency} at a time: {clock.Elapsed.TotalSeconds:0.00} s, {count / clock.Elapsed.TotalSeconds:0} tokens/s; {Stats.Percentiles(latencies)}");
        }

        return 0;
    }

    private static async Task<List<double>> IssueAsync(HttpClient http, int count, int concurrency)
    {
        var latencies = new List<double>(count);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = "municipal-demo",
                    ["client_secret"] = "municipal-demo-secret",
                }));
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"the token endpoint answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                lock (latencies)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }));
        return latencies;
    }
}
