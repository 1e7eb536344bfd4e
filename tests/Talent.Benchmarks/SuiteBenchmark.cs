using System.Net;
using System.Net.Http.Headers;

namespace Talent.Benchmarks;

/// <summary>
/// One command for #21: this machine's ceilings first, then each area of the running system, every figure the median of
/// its runs after an unmeasured warm-up, printed beside the ceiling or offer it is read against, with the ratio and the
/// target. Startup is its own command (it starts the system).
/// </summary>
public static class SuiteBenchmark
{
    private sealed record Row(string Area, Figure Value, string Unit, string Beside, double Ratio, string Target, bool Met);

    public static async Task<int> RunAsync(Options options)
    {
        var runs = options.Get("runs", 3);
        var database = options.Get("applications-db", "Host=127.0.0.1;Port=54329;Username=postgres;Database=talent_applications");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 128 }) { BaseAddress = options.Gateway };
        if ((await http.GetAsync("/health")).StatusCode != HttpStatusCode.OK)
        {
            Console.WriteLine($"The gateway at {options.Gateway} is not healthy; start the system first (README, Benchmarks).");
            return 1;
        }

        if (await CeilingsBenchmark.MeasureAsync(options) is not { } ceilings)
        {
            return 1;
        }

        var rows = new List<Row>
        {
            new("anonymous search through the gateway", ceilings.Gateway, "requests/s", $"direct {ceilings.Direct.Median:N0}/s", ceilings.Gateway.Median / ceilings.Direct.Median,
                "≥ 0.30 of direct", ceilings.Gateway.Median / ceilings.Direct.Median >= 0.30),
        };

        var submissions = options.Get("submissions", 1000);
        Console.WriteLine($"submissions: {submissions} drafts prepared, then submitted by 64 clients as fast as accepted; {runs} runs after a warm-up");
        using var talent = await SignedInAsync(options.Gateway, "talent1", "applications");
        var submitted = await Stats.RepeatAsync(runs, async () =>
        {
            var drafts = await ApplicationsBenchmark.PrepareAsync(talent, submissions);
            var (elapsed, latencies) = await ApplicationsBenchmark.SubmitAsync(talent, drafts, Guid.NewGuid().ToString("N")[..8], rate: 0);
            Console.WriteLine($"  {submissions / elapsed.TotalSeconds:N0} submissions/s; {Stats.Percentiles(latencies)}");
            return submissions / elapsed.TotalSeconds;
        });
        var share = submitted.Median / ceilings.Postgres.Median;
        rows.Add(new("submissions, as fast as accepted", submitted, "submissions/s", $"PostgreSQL {ceilings.Postgres.Median:N0} tx/s", share,
            "≥ 500/s or ≥ 0.15", submitted.Median >= 500 || share >= 0.15));

        var items = options.Get("items", 500);
        var rate = options.Get("rate", 200);
        Console.WriteLine($"propagation: {items} items published at {rate}/s, each to the applications' read model; {runs} runs after a warm-up");
        using var publisher = await SignedInAsync(options.Gateway, "operator1", "catalogue");
        var prefix = $"BA{DateTime.UtcNow:HHmmss}";
        var round = 0;
        var propagation = await Stats.RepeatAsync(runs, async () =>
        {
            var (delivered, p99) = await PropagationBenchmark.DeliverAsync(publisher, database, $"{prefix}{round++}", items, rate);
            return new[] { delivered, p99 };
        });
        rows.Add(new($"propagation at {rate}/s, delivered", propagation[0], "items/s", $"offered {rate}/s", propagation[0].Median / rate, "1.00", propagation[0].Median >= rate * 0.98));
        rows.Add(new("propagation, commit → read model p99", propagation[1], "ms", "", double.NaN, "≤ 50 ms", propagation[1].Median <= 50));

        var inboxRows = options.Get("inbox-rows", 100_000);
        await ApplicationsBenchmark.SeedInboxAsync(database, inboxRows);
        using var staff = await SignedInAsync(options.Gateway, "staff-hr", "applications");
        var queries = options.Get("inbox-queries", 200);
        Console.WriteLine($"staff inbox at {inboxRows:N0} applications: {queries} queries in turn; {runs} runs after a warm-up");
        var inbox = await Stats.RepeatAsync(runs, async () => Stats.Percentile(await ApplicationsBenchmark.InboxLatenciesAsync(staff, queries), 0.95));
        rows.Add(new($"staff inbox p95 at {inboxRows:N0} applications", inbox, "ms", "", double.NaN, "≤ 20 ms", inbox.Median <= 20));

        var quiet = TimeSpan.FromSeconds(options.Get("quiet-seconds", 60));
        var window = TimeSpan.FromSeconds(options.Get("rest-seconds", 30));
        Console.WriteLine($"at rest: {quiet.TotalSeconds:0} s for the load's tail to settle, then {runs} windows of {window.TotalSeconds:0} s after a warm-up window");
        await Task.Delay(quiet); // no load is running: what the system does by itself afterwards is the measure
        var rest = await Stats.RepeatAsync(runs, async () =>
        {
            var (total, byProcess) = await AtRest.MeasureAsync(window);
            Console.WriteLine($"  {total:0.00} % of a core: " + string.Join(", ", byProcess.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:0.00}")));
            return total;
        });
        rows.Add(new("services and gateway at rest", rest, "% of a core", "", double.NaN, "< 5 %", rest.Median < 5));

        Console.WriteLine();
        Console.WriteLine($"{"area",-46} {"median (spread)",-48} {"beside",-26} {"ratio",6}  target");
        foreach (var row in rows)
        {
            var format = row.Unit is "ms" or "% of a core" ? "0.0" : "N0";
            Console.WriteLine($"{row.Area,-46} {row.Value.Format(format) + " " + row.Unit,-48} {row.Beside,-26} {(double.IsNaN(row.Ratio) ? "" : row.Ratio.ToString("0.00")),6}  {row.Target} {(row.Met ? "met" : "NOT met")}");
        }

        return 0;
    }

    private static async Task<HttpClient> SignedInAsync(Uri gateway, string user, string scope)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 128 }) { BaseAddress = gateway };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Tokens.SignInAsync(http, user, scope));
        return http;
    }
}
