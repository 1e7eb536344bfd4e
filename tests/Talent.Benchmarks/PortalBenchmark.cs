using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Talent.Benchmarks;

/// <summary>
/// The portal's public pages rendered through the gateway as a browser asks for them (HTML, compressed): N concurrent
/// users, each loading item and search pages one after the other for S seconds, after a warm-up; then the first visit's
/// weight (the home page and every stylesheet, script, icon and manifest it names, as transferred).
/// </summary>
public static partial class PortalBenchmark
{
    private static readonly string[] Items =
    [
        "TALENT-APARTMENT", "SPOUSE-EMPLOYMENT", "CHILD-SCHOOLING", "MEDICAL-GREEN", "RENT-SUBSIDY", "HUKOU-SETTLEMENT", "POC-FUNDING", "STARTUP-LOAN",
    ];

    private static readonly string[] Queries = ["人才公寓", "爱人工作", "小孩上学", "看病", "补贴", "贷款", "高新技术企业认定", "专利", "talent apartment", "subsidy"];

    public static async Task<int> RunAsync(Options options)
    {
        var users = options.Get("users", 50);
        var seconds = options.Get("seconds", 20);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = users * 2,
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = false,
        }) { BaseAddress = options.Gateway };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");
        http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");
        http.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        if ((await http.GetAsync("/health")).StatusCode != HttpStatusCode.OK)
        {
            Console.WriteLine($"The gateway at {options.Gateway} is not healthy; start the system first (README, Benchmarks).");
            return 1;
        }

        var items = new List<string>();
        foreach (var code in Items)
        {
            using var probe = await http.GetAsync($"/items/{code}");
            if (probe.StatusCode == HttpStatusCode.OK)
            {
                items.Add(code);
            }
        }

        if (items.Count == 0)
        {
            Console.WriteLine("No demonstration item answers at /items/{code}: is the system running with its demonstration data?");
            return 1;
        }

        Console.WriteLine($"portal through the gateway: {users} concurrent users, item pages ({items.Count} items) and search pages ({Queries.Length} queries) in turn");
        await LoadAsync(http, items, users, Math.Max(5, seconds / 4), "warm-up");
        await LoadAsync(http, items, users, seconds, "measured");
        await WeightAsync(options.Gateway);
        return 0;
    }

    private static async Task LoadAsync(HttpClient http, List<string> items, int users, int seconds, string label)
    {
        var latencies = new Dictionary<string, List<double>> { ["item"] = [], ["search"] = [] };
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, users).Select(async user =>
        {
            var random = new Random(user);
            var mine = new Dictionary<string, List<double>> { ["item"] = [], ["search"] = [] };
            for (var turn = 0; clock.Elapsed < end; turn++)
            {
                var (kind, path) = turn % 2 == 0
                    ? ("item", $"/items/{items[random.Next(items.Count)]}")
                    : ("search", $"/search?q={Uri.EscapeDataString(Queries[random.Next(Queries.Length)])}");
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                mine[kind].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }
            }

            lock (latencies)
            {
                latencies["item"].AddRange(mine["item"]);
                latencies["search"].AddRange(mine["search"]);
            }
        }));
        var total = latencies.Values.Sum(l => l.Count);
        Console.WriteLine($"  {label}: {total / clock.Elapsed.TotalSeconds:0} pages/s over {clock.Elapsed.TotalSeconds:0} s; {errors} not 200");
        foreach (var (kind, values) in latencies)
        {
            Console.WriteLine($"    {kind,-6} {Stats.Percentiles(values)}");
        }
    }

    /// <summary>The first visit as a browser makes it: the home page, then what it links to, with bytes as transferred.</summary>
    private static async Task WeightAsync(Uri gateway)
    {
        using var raw = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = gateway };
        raw.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        raw.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");
        var (home, homeBytes) = await FetchAsync(raw, "/");
        var html = await Decoded(gateway, "/");
        var assets = AssetReference().Matches(html).Select(m => m.Groups["url"].Value)
            .Where(u => !u.StartsWith("//", StringComparison.Ordinal)).Select(u => u.StartsWith('/') ? u : "/" + u).Distinct().ToList();
        long total = homeBytes;
        var parts = new List<string> { $"/ {homeBytes:N0} B ({home.Content.Headers.ContentEncoding.FirstOrDefault() ?? "uncompressed"})" };
        foreach (var asset in assets)
        {
            var (response, bytes) = await FetchAsync(raw, asset);
            total += bytes;
            parts.Add($"{asset} {bytes:N0} B ({response.Content.Headers.ContentEncoding.FirstOrDefault() ?? "uncompressed"})");
        }

        Console.WriteLine($"first visit (home page and {assets.Count} assets it names), as transferred: {total / 1024.0:0.0} KB");
        foreach (var part in parts)
        {
            Console.WriteLine($"    {part}");
        }
    }

    private static async Task<(HttpResponseMessage Response, long Bytes)> FetchAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        var bytes = (await response.Content.ReadAsByteArrayAsync()).LongLength;
        return (response, bytes);
    }

    private static async Task<string> Decoded(Uri gateway, string path)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = gateway };
        return await http.GetStringAsync(path);
    }

    [GeneratedRegex(@"(?:href|src)=""(?<url>[^""?#:]+?\.(?:css|js|png|svg|webmanifest|ico))(?:[?#][^""]*)?""")]
    private static partial Regex AssetReference();
}
