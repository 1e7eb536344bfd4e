using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Catalogue.Demo;
using Talent.Catalogue.Editing;
using Talent.Catalogue.Search;
using Talent.Catalogue.Stages;

namespace Talent.Benchmarks;

/// <summary>
/// Directory search over N generated items (variants of the 37 demonstration items): latency of the index itself
/// (in-process, what the catalogue service spends), then through the gateway at a fixed rate and as fast as it answers.
/// The gateway part needs the running system with its rate limit lifted, and publishes the missing items first.
/// </summary>
public static class SearchBenchmark
{
    private static readonly string[] Districts = ["金凤", "含谷", "白市驿", "西永", "曾家", "香炉山", "巴福", "走马", "虎溪", "陈家桥"];

    private static readonly string[] Queries =
    [
        "人才", "公寓", "人才公寓", "爱人工作", "小孩上学", "看病", "补贴", "资助", "贷款", "高新", "高新技术企业认定", "概念验证",
        "中试", "专利", "户口", "租房补贴", "talent apartment", "spouse job", "proof of concept", "loan", "subsidy", "成果转化奖励",
    ];

    public static async Task<int> RunAsync(Options options)
    {
        var count = options.Get("items", 10_000);
        var searches = options.Get("searches", 20_000);
        InProcess(count, searches);

        if (options.Get("gateway-part", "yes") == "no")
        {
            return 0;
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = options.Gateway };
        if ((await http.GetAsync("/health")).StatusCode != HttpStatusCode.OK)
        {
            Console.WriteLine($"The gateway at {options.Gateway} is not healthy; start the system first (README, Benchmarks), or pass --gateway-part no.");
            return 1;
        }

        await SeedAsync(http, count);
        if (options.Get("uncached", "no") == "yes")
        {
            spread = true;
            Console.WriteLine("requests spread over 400,000 combinations (district + query, page size 10-50, any page): the result cache rarely answers");
        }

        var seconds = options.Get("seconds", 20);
        await FixedRateAsync(http, options.Get("rate", 500), seconds);
        await MaximumAsync(http, options.Get("concurrency", 64), seconds);
        return 0;
    }

    private static void InProcess(int count, int searches)
    {
        Console.WriteLine($"in-process index: {count} items, {searches} searches over {Queries.Length} queries (plus filters), one thread");
        using var index = new CatalogueSearchIndex();
        index.UseSynonyms(new SynonymSet(SynonymList.DefaultGroups(), 0));
        var titles = DemoReferenceData.AllServiceItems().ToDictionary(s => s.Code, s => $"{s.TitleZh} {s.TitleEn}");
        var clock = Stopwatch.StartNew();
        index.Rebuild(Enumerable.Range(0, count).Select(i => IndexedItem.Of(Generated(i), titles)));
        Console.WriteLine($"  build: {clock.Elapsed.TotalMilliseconds:0} ms ({count / clock.Elapsed.TotalSeconds:0} items/s)");

        var random = new Random(42);
        for (var i = 0; i < 2000; i++)
        {
            index.Search(Request(random), cached: false);
        }

        foreach (var cached in new[] { false, true })
        {
            var latencies = new List<double>(searches);
            clock.Restart();
            for (var i = 0; i < searches; i++)
            {
                var started = Stopwatch.GetTimestamp();
                index.Search(Request(random), cached);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            Console.WriteLine($"  search {(cached ? "with the result cache" : "(every query run)")}: {Stats.Percentiles(latencies)}; {searches / clock.Elapsed.TotalSeconds:0} searches/s on one thread");
        }
    }

    private static SearchRequest Request(Random random)
    {
        var q = Queries[random.Next(Queries.Length)];
        return random.Next(4) switch
        {
            0 => new SearchRequest(q, ["commercialisation"], null, [], [], 1, 20),
            1 => new SearchRequest(q, [], "life", [], [], 1, 20),
            _ => new SearchRequest(q, [], null, [], [], 1 + random.Next(3), 20),
        };
    }

    /// <summary>With --uncached yes, requests spread over 400,000 combinations (district × query × page × page size): almost every one runs its query.</summary>
    private static bool spread;

    private static string Url(Random random)
    {
        var q = Uri.EscapeDataString(Queries[random.Next(Queries.Length)]);
        if (spread)
        {
            var size = 10 + random.Next(41);
            return $"/api/catalogue/items?q={Uri.EscapeDataString(Districts[random.Next(Districts.Length)])}%20{q}&pageSize={size}&page={1 + random.Next(1000 / size)}";
        }

        return random.Next(4) switch
        {
            0 => $"/api/catalogue/items?q={q}&stage=commercialisation",
            1 => $"/api/catalogue/items?q={q}&category=life",
            _ => $"/api/catalogue/items?q={q}&page={1 + random.Next(3)}",
        };
    }

    private static ItemVersion Generated(int i)
    {
        var demo = DemoCatalogue.Items[i % DemoCatalogue.Items.Count];
        var content = DemoCatalogue.ContentOf(demo) with { TitleZh = Title(demo, i), TitleEn = $"{demo.TitleEn} ({Districts[i % Districts.Length]} {i})" };
        var op = new Actor("benchmark", true, null);
        var (version, _) = ItemVersion.StartDraft(Code(i), content, DemoCatalogue.FlowCardOf(demo), op, DateTimeOffset.UtcNow);
        version!.Submit(op, DateTimeOffset.UtcNow);
        version.Publish(op, DateTimeOffset.UtcNow);
        return version;
    }

    private static string Title(DemoItem demo, int i) => $"{Districts[i % Districts.Length]}{demo.TitleZh.Replace("一件事", "", StringComparison.Ordinal)}（第{(i / DemoCatalogue.Items.Count) + 1}批）";

    private static string Code(int i) => $"GEN-{i:D6}";

    private static async Task SeedAsync(HttpClient http, int count)
    {
        var total = await TotalAsync(http);
        if (total >= count)
        {
            Console.WriteLine($"gateway: {total} items published already");
            return;
        }

        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await Tokens.OperatorAsync(http));
        var existing = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var result = await http.GetFromJsonAsync<JsonElement>($"/api/catalogue/items?q=GEN&pageSize=50&page={page}");
            var codes = result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
            existing.UnionWith(codes);
            if (codes.Count < 50 || page * 50 >= 1000)
            {
                break;
            }
        }

        var missing = Enumerable.Range(0, count).Where(i => !existing.Contains(Code(i))).Take(count - total).ToList();
        Console.WriteLine($"gateway: publishing {missing.Count} generated items (draft, submit, publish), 16 at a time");
        var clock = Stopwatch.StartNew();
        var failures = 0;
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var demo = DemoCatalogue.Items[i % DemoCatalogue.Items.Count];
            var content = DemoCatalogue.ContentOf(demo);
            try
            {
                await CatalogueClient.PublishAsync(http, CatalogueClient.Draft(
                    Code(i), Title(demo, i), demo.TitleEn, content.SummaryZh, demo.Category == ItemCategory.Life ? "life" : "production",
                    [.. demo.Stages.Select(s => StageNames.Code(s))], demo.Lead, demo.Keywords));
            }
            catch (InvalidOperationException ex) when (ex.Message.Contains("409", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref failures);
            }
        });
        Console.WriteLine($"  published in {clock.Elapsed.TotalSeconds:0} s ({missing.Count / clock.Elapsed.TotalSeconds:0} items/s); {failures} already existed");
        Console.WriteLine($"  directory now holds {await TotalAsync(http)} items");
    }

    private static async Task<int> TotalAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonElement>("/api/catalogue/items?pageSize=1")).GetProperty("total").GetInt32();

    private static async Task FixedRateAsync(HttpClient http, int rate, int seconds)
    {
        Console.WriteLine($"gateway, fixed rate: {rate} searches/s for {seconds} s (anonymous GET /api/catalogue/items)");
        var random = new Random(7);
        var latencies = new List<double>();
        var errors = 0;
        var tasks = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rate * seconds; i++)
        {
            var wait = TimeSpan.FromSeconds((double)i / rate) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var url = Url(random);
            tasks.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                lock (latencies)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    errors += response.IsSuccessStatusCode ? 0 : 1;
                }
            }));
        }

        await Task.WhenAll(tasks);
        Console.WriteLine($"  {Stats.Percentiles(latencies)}; {latencies.Count / clock.Elapsed.TotalSeconds:0} searches/s answered; {errors} errors");
    }

    private static async Task MaximumAsync(HttpClient http, int concurrency, int seconds)
    {
        Console.WriteLine($"gateway, as fast as it answers: {concurrency} concurrent clients for {seconds} s");
        var latencies = new List<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var random = new Random(worker);
            var mine = new List<double>();
            while (clock.Elapsed < end)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(Url(random));
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }

            lock (latencies)
            {
                latencies.AddRange(mine);
            }
        }));
        Console.WriteLine($"  {latencies.Count / clock.Elapsed.TotalSeconds:0} searches/s; {Stats.Percentiles(latencies)}; {errors} errors");
    }
}
