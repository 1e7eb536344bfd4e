using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MassTransit;
using Npgsql;
using Talent.Contracts.Applications;

namespace Talent.Benchmarks;

/// <summary>
/// Feedback at scale on the running embedded default: 1,000,000 evaluations (rows added directly to the database, their
/// figure counters with them, over 150 items and twelve months), then the published figures through the gateway,
/// evaluation submissions as fast as accepted (invitations prepared in the database for demo-talent1), and the lag from
/// an <c>ApplicationDecided</c> published on the broker to the open invitation in the feedback database.
/// </summary>
public static class FeedbackBenchmark
{
    private static readonly string[] Comments =
    [
        "办理速度快，工作人员很耐心", "材料要求反复修改，跑了好几次", "线上提交很方便", "审核时间太长，超过承诺时限", "指南清楚准确", "电话咨询没人接听", "",
    ];

    public static async Task<int> RunAsync(Options options)
    {
        var rows = options.Get("evaluations", 1_000_000);
        var itemCount = options.Get("items", 150);
        var submissions = options.Get("submissions", 5000);
        var queries = options.Get("queries", 1000);
        var decisions = options.Get("decisions", 500);
        var database = options.Get("feedback-db", "Host=127.0.0.1;Port=54329;Username=postgres;Database=talent_feedback;Command Timeout=900");
        var broker = new Uri(options.Get("broker", "amqp://guest:guest@127.0.0.1:56729/"));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 128 }) { BaseAddress = options.Gateway };
        if ((await http.GetAsync("/health")).StatusCode != HttpStatusCode.OK)
        {
            Console.WriteLine($"The gateway at {options.Gateway} is not healthy; start the system first (README, Benchmarks).");
            return 1;
        }

        await using var data = NpgsqlDataSource.Create(database);
        var items = await ItemsAsync(data, itemCount);
        if (items.Count == 0)
        {
            Console.WriteLine("feedback has no catalogue items yet; wait for the catalogue's announcement after start");
            return 1;
        }

        await LoadAsync(data, rows, items);
        await FiguresAsync(http, queries);
        await SubmitAsync(http, data, items, options.Get("warmup", 5000), submissions);
        await LagAsync(data, broker, items, decisions, options.Get("rate", 50));
        return 0;
    }

    private static async Task<List<(string Code, string Department)>> ItemsAsync(NpgsqlDataSource data, int count)
    {
        await using var command = data.CreateCommand("SELECT code, lead_department FROM catalogue_items WHERE lead_department IS NOT NULL AND NOT withdrawn ORDER BY code LIMIT $1");
        command.Parameters.AddWithValue(count);
        var items = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            items.Add((reader.GetString(0), reader.GetString(1)));
        }

        return items;
    }

    /// <summary>Adds benchmark evaluations (applicants <c>bench-*</c>) up to the target, with their counters in the same statement.</summary>
    private static async Task LoadAsync(NpgsqlDataSource data, int rows, List<(string Code, string Department)> items)
    {
        await using var existing = data.CreateCommand("SELECT count(*) FROM evaluations WHERE applicant_id LIKE 'bench-%'");
        var have = (long)(await existing.ExecuteScalarAsync())!;
        if (have >= rows)
        {
            Console.WriteLine($"load: {have} benchmark evaluations already there");
            return;
        }

        Console.WriteLine($"load: adding {rows - have} evaluations over {items.Count} items and twelve months, with their figure counters");
        var clock = Stopwatch.StartNew();
        for (var from = have + 1; from <= rows; from += 100_000)
        {
            var to = Math.Min(rows, from + 99_999);
            await using var insert = data.CreateCommand("""
                WITH added AS (
                    INSERT INTO evaluations (id, subject_id, subject_kind, title, applicant_id, item_code, lead_department, owner_id, level, scores, tags, comment, channel, submitted_at, removed)
                    SELECT gen_random_uuid(), gen_random_uuid(), 'application', '基准事项', 'bench-' || (n % 50000), ($3::text[])[1 + n % cardinality($3)], ($4::text[])[1 + n % cardinality($4)], NULL,
                        (ARRAY['VerySatisfied','VerySatisfied','VerySatisfied','Satisfied','Satisfied','BasicallySatisfied','Dissatisfied','VeryDissatisfied'])[1 + (n * 7) % 8],
                        '{}', '{}', NULL, 'web', now() - ((n * 13) % 360) * interval '1 day', false
                    FROM generate_series($1::bigint, $2::bigint) AS n
                    RETURNING date_trunc('month', submitted_at AT TIME ZONE 'Asia/Shanghai')::date AS month, lead_department, item_code,
                        CASE level WHEN 'VerySatisfied' THEN 5 WHEN 'Satisfied' THEN 4 WHEN 'BasicallySatisfied' THEN 3 WHEN 'Dissatisfied' THEN 2 ELSE 1 END AS score),
                scoped AS (
                    SELECT month, 'all' AS scope, '' AS key, score FROM added
                    UNION ALL SELECT month, 'department', lead_department, score FROM added
                    UNION ALL SELECT month, 'item', lead_department || '|' || item_code, score FROM added)
                INSERT INTO figure_counters AS c (month, scope, key, reviews, satisfied, negative, score_sum, rectifications_closed, rectifications_on_time)
                SELECT month, scope, key, count(*), count(*) FILTER (WHERE score >= 3), count(*) FILTER (WHERE score <= 2), sum(score), 0, 0
                FROM scoped GROUP BY month, scope, key
                ON CONFLICT (month, scope, key) DO UPDATE SET
                    reviews = c.reviews + EXCLUDED.reviews, satisfied = c.satisfied + EXCLUDED.satisfied,
                    negative = c.negative + EXCLUDED.negative, score_sum = c.score_sum + EXCLUDED.score_sum
                """);
            insert.Parameters.AddWithValue(from);
            insert.Parameters.AddWithValue(to);
            insert.Parameters.AddWithValue(items.Select(i => i.Code).ToArray());
            insert.Parameters.AddWithValue(items.Select(i => i.Department).ToArray());
            await insert.ExecuteNonQueryAsync();
            Console.WriteLine($"  {to} rows ({clock.Elapsed.TotalSeconds:0} s)");
        }

        await using var analyze = data.CreateCommand("ANALYZE evaluations; ANALYZE figure_counters");
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task FiguresAsync(HttpClient http, int queries)
    {
        var urls = new[] { "/api/feedback/figures", "/api/feedback/figures?department=HRSS", "/api/feedback/figures?from=2026-01&to=2026-06", "/api/feedback/figures?page=2&pageSize=50" };
        for (var i = 0; i < 40; i++)
        {
            (await http.GetAsync(urls[i % urls.Length])).EnsureSuccessStatusCode();
        }

        var reviews = (await http.GetFromJsonAsync<System.Text.Json.JsonElement>(urls[0])).GetProperty("overall").GetProperty("reviews").GetInt32();
        var latencies = new List<double>(queries);
        for (var i = 0; i < queries; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(urls[i % urls.Length]);
            await response.Content.ReadAsByteArrayAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }

        Console.WriteLine($"published figures ({reviews} reviews in the last twelve months), anonymous, sequential through the gateway, 4 query shapes: {Stats.Percentiles(latencies)}");
    }

    private static async Task SubmitAsync(HttpClient http, NpgsqlDataSource data, List<(string Code, string Department)> items, int warmup, int measured)
    {
        var count = warmup + measured;
        // Invitations of talent1 (the subject in its token), as ApplicationDecided would open them.
        var token = await Tokens.SignInAsync(http, "talent1", "feedback");
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        await using (var insert = data.CreateCommand("""
            INSERT INTO evaluation_invitations (subject_id, subject_kind, reference, item_code, title, applicant_id, lead_department, departments, owner_id, approved, decided_at, open_until)
            SELECT id, 'application', 'TB-INV', ($2::text[])[1 + (ord % cardinality($2))::int], '基准事项', $4, ($3::text[])[1 + (ord % cardinality($3))::int],
                ARRAY[($3::text[])[1 + (ord % cardinality($3))::int]], NULL, true, now(), now() + interval '30 days'
            FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ord)
            """))
        {
            insert.Parameters.AddWithValue(ids);
            insert.Parameters.AddWithValue(items.Select(i => i.Code).ToArray());
            insert.Parameters.AddWithValue(items.Select(i => i.Department).ToArray());
            insert.Parameters.AddWithValue(Tokens.SubjectOf(token));
            await insert.ExecuteNonQueryAsync();
        }

        using var rater = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 128 }) { BaseAddress = http.BaseAddress };
        rater.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var levels = new[] { "verySatisfied", "verySatisfied", "satisfied", "satisfied", "basicallySatisfied", "verySatisfied", "satisfied", "verySatisfied", "dissatisfied", "veryDissatisfied" };

        // A warm-up first (the services' code paths jitted and tiered up, as on a system that has been serving), then the measured run.
        if (warmup > 0)
        {
            var (warmRate, _) = await RateAsync(0, warmup);
            Console.WriteLine($"evaluations, warm-up (not measured): {warmup} at {warmRate:0} submissions/s");
        }

        var (rate, latencies) = await RateAsync(warmup, count);
        Console.WriteLine($"evaluations as fast as accepted (64 clients, a fifth bad reviews opening rectification cases): {rate:0} submissions/s; {Stats.Percentiles(latencies)}");

        async Task<(double Rate, List<double> Latencies)> RateAsync(int from, int to)
        {
            var latencies = new List<double>(to - from);
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(from, to - from), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await rater.PostAsJsonAsync("/api/feedback/evaluations", new
                {
                    applicationId = ids[i], level = levels[i % levels.Length], scores = new { efficiency = 1 + i % 5 }, comment = Comments[i % Comments.Length], channel = "mobile",
                }, ct);
                var millis = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"evaluate answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                }

                lock (latencies)
                {
                    latencies.Add(millis);
                }
            });
            return ((to - from) / clock.Elapsed.TotalSeconds, latencies);
        }
    }

    private static async Task LagAsync(NpgsqlDataSource data, Uri broker, List<(string Code, string Department)> items, int count, int rate)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(broker, host =>
        {
            host.Username(Uri.UnescapeDataString(broker.UserInfo.Split(':')[0]));
            host.Password(Uri.UnescapeDataString(broker.UserInfo.Split(':')[1]));
        }));
        await bus.StartAsync();
        try
        {
            var sent = new Dictionary<Guid, long>();
            var seen = new Dictionary<Guid, long>();
            using var stop = new CancellationTokenSource();
            var poller = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested || seen.Count < sent.Count)
                {
                    Guid[] waiting;
                    lock (sent)
                    {
                        waiting = [.. sent.Keys.Where(k => !seen.ContainsKey(k))];
                    }

                    if (waiting.Length > 0)
                    {
                        await using var query = data.CreateCommand("SELECT subject_id FROM evaluation_invitations WHERE subject_id = ANY($1)");
                        query.Parameters.AddWithValue(waiting);
                        await using var reader = await query.ExecuteReaderAsync();
                        var now = Stopwatch.GetTimestamp();
                        while (await reader.ReadAsync())
                        {
                            seen[reader.GetGuid(0)] = now;
                        }
                    }

                    if (stop.IsCancellationRequested && sent.Count > 0 && Stopwatch.GetElapsedTime(sent.Values.Max()) > TimeSpan.FromSeconds(60))
                    {
                        return;
                    }

                    await Task.Delay(2);
                }
            });

            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                if (TimeSpan.FromSeconds((double)i / rate) - clock.Elapsed is { } wait && wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                var (code, department) = items[i % items.Count];
                var now = DateTimeOffset.UtcNow;
                var decided = new ApplicationDecided(Guid.CreateVersion7(), now, Guid.CreateVersion7(), $"TB-LAG-{i:D6}", "bench-lag", code, 1, department, [department], null, true, "同意（基准）", true, 0);
                lock (sent)
                {
                    sent[decided.ApplicationId] = Stopwatch.GetTimestamp();
                }

                await bus.Publish(decided, context => context.MessageId = decided.EventId);
            }

            stop.Cancel();
            await poller;
            var lags = sent.Where(s => seen.ContainsKey(s.Key)).Select(s => Stopwatch.GetElapsedTime(s.Value, seen[s.Key]).TotalMilliseconds).ToList();
            Console.WriteLine($"ApplicationDecided published on the broker → open invitation in the feedback database ({rate}/s, polled every ~2 ms): {Stats.Percentiles(lags)}; arrived {lags.Count}/{count}");
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
