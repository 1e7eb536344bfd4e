using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Talent.Benchmarks;

/// <summary>
/// Submissions through the gateway (drafts prepared first; the measured request is POST /submit with an
/// Idempotency-Key): at a fixed rate, then as fast as accepted, with every ApplicationSubmitted counted as published
/// from the outbox. Then the staff inbox at 100,000 applications (rows added directly to the database).
/// </summary>
public static class ApplicationsBenchmark
{
    // MEDICAL-GREEN (demonstration data): every material is held by a department, so a draft needs only its form.
    private const string Item = "MEDICAL-GREEN";

    public static async Task<int> RunAsync(Options options)
    {
        var count = options.Get("submissions", 2000);
        var rate = options.Get("rate", 100);
        var database = options.Get("applications-db", "Host=127.0.0.1;Port=54329;Username=postgres;Database=talent_applications");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 128 }) { BaseAddress = options.Gateway };
        if ((await http.GetAsync("/health")).StatusCode != HttpStatusCode.OK)
        {
            Console.WriteLine($"The gateway at {options.Gateway} is not healthy; start the system first (README, Benchmarks).");
            return 1;
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Tokens.SignInAsync(http, "talent1", "applications"));
        var run = Guid.NewGuid().ToString("N")[..8];

        Console.WriteLine($"preparing {count * 2} drafts of {Item} (create + answers), 32 at a time");
        var drafts = await PrepareAsync(http, count * 2);
        var before = await SentAsync(database);

        Console.WriteLine($"fixed rate: {count} submissions at {rate}/s through {options.Gateway}");
        var (elapsed, latencies) = await SubmitAsync(http, drafts[..count], run, rate);
        Console.WriteLine($"  submit latency: {Stats.Percentiles(latencies)}; {count / elapsed.TotalSeconds:0} submissions/s offered");

        Console.WriteLine($"as fast as accepted: {count} submissions, 64 concurrent clients");
        (elapsed, latencies) = await SubmitAsync(http, drafts[count..], run, 0);
        Console.WriteLine($"  {count / elapsed.TotalSeconds:0} submissions/s; {Stats.Percentiles(latencies)}");

        var clock = Stopwatch.StartNew();
        long published;
        while ((published = await SentAsync(database) - before) < count * 2 && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(200);
        }

        Console.WriteLine($"  ApplicationSubmitted published from the outbox: {published}/{count * 2}");

        await InboxAsync(http, database, options.Get("inbox-rows", 100_000), options.Get("inbox-queries", 500));
        return 0;
    }

    public static async Task<string[]> PrepareAsync(HttpClient http, int count)
    {
        var ids = new string[count];
        var answers = new { contactName = "基准", contactPhone = "13800000000", hospital = "general", services = new[] { "appointment" } };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            using var created = await http.PostAsJsonAsync("/api/applications", new { itemCode = Item }, ct);
            if (created.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"create answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync(ct)}");
            }

            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
            using var saved = await http.PutAsJsonAsync($"/api/applications/{id}", new { answers }, ct);
            saved.EnsureSuccessStatusCode();
            ids[i] = id;
        });
        return ids;
    }

    public static async Task<(TimeSpan Elapsed, List<double> Latencies)> SubmitAsync(HttpClient http, string[] ids, string run, int rate)
    {
        var latencies = new List<double>(ids.Length);
        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(rate > 0 ? 256 : 64);
        var tasks = new List<Task>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            if (rate > 0 && TimeSpan.FromSeconds((double)i / rate) - clock.Elapsed is { } wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            await gate.WaitAsync();
            var id = ids[i];
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{id}/submit");
                    request.Headers.Add("Idempotency-Key", $"{run}-{id}");
                    var started = Stopwatch.GetTimestamp();
                    using var response = await http.SendAsync(request);
                    var millis = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"submit answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }

                    lock (latencies)
                    {
                        latencies.Add(millis);
                    }
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        await Task.WhenAll(tasks);
        return (clock.Elapsed, latencies);
    }

    private static async Task<long> SentAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL AND message_type LIKE '%ApplicationSubmitted%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Tops the applications database up to <paramref name="rows"/> applications, added directly (spread over 12
    /// departments, a sixth awaiting HRSS, deadlines from ten days ago to thirty ahead, every day in every department), their alerts marked raised.
    /// </summary>
    public static async Task SeedInboxAsync(string database, int rows)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var existing = new NpgsqlCommand("SELECT count(*) FROM applications", connection);
        var have = (long)(await existing.ExecuteScalarAsync())!;
        if (have < rows)
        {
            Console.WriteLine($"inbox: adding {rows - have} applications directly to the database (spread over 12 departments, a sixth awaiting HRSS)");
            await using var insert = new NpgsqlCommand("""
                INSERT INTO applications (id, reference, applicant_id, applicant_name, item_code, item_version, item_title_zh, lead_department, departments, channel,
                    state, answers, materials, steps, history, created_at, submitted_at, acceptance_deadline, committed_limit_days, paused_days, awaiting_department, due_on, in_person_visits, revision)
                SELECT gen_random_uuid(), 'TB-' || lpad(n::text, 9, '0'), 'bench-' || (n % 5000), '基准申请人', 'BENCH-ITEM', 1, '基准事项',
                    d, ARRAY[d], 'online', 'Submitted', '{}', '[]', '[]', '[]', now() - (n % 30) * interval '1 day', now() - (n % 30) * interval '1 day',
                    current_date + ((n / 12) % 40)::int - 10, 5, 0, d, current_date + ((n / 12) % 40)::int - 10, 0, 1
                FROM (SELECT n, (ARRAY['HRSS','HRSS','STI','HOUSING','EDU','HEALTH','MARKET','FINANCE','DEV','TAX','IP','ECON'])[1 + n % 12] AS d
                      FROM generate_series($1::bigint, $2::bigint) AS n) AS s
                """, connection)
            {
                Parameters = { new() { Value = have + 1 }, new() { Value = (long)rows } },
                CommandTimeout = 600,
            };
            await insert.ExecuteNonQueryAsync();
        }

        // These rows are load, not cases: mark their alerts raised, so the deadline sweep does not flood the outbox.
        await using var quiet = new NpgsqlCommand("""
            UPDATE applications SET due_soon_raised_for = 'acceptance:' || to_char(due_on, 'YYYY-MM-DD'), overdue_raised_for = 'acceptance:' || to_char(due_on, 'YYYY-MM-DD')
            WHERE reference LIKE 'TB-%' AND overdue_raised_for IS DISTINCT FROM 'acceptance:' || to_char(due_on, 'YYYY-MM-DD')
            """, connection) { CommandTimeout = 600 };
        await quiet.ExecuteNonQueryAsync();
        await using var analyze = new NpgsqlCommand("ANALYZE applications", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task InboxAsync(HttpClient http, string database, int rows, int queries)
    {
        await SeedInboxAsync(database, rows);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Tokens.SignInAsync(http, "staff-hr", "applications"));
        await InboxLatenciesAsync(http, 50);
        var latencies = await InboxLatenciesAsync(http, queries);
        var total = (await http.GetFromJsonAsync<JsonElement>("/api/applications/inbox?pageSize=1")).GetProperty("total").GetInt32();
        Console.WriteLine($"inbox (staff-hr, HRSS: {total} open cases of {rows} applications), sequential through the gateway: {Stats.Percentiles(latencies)}");
    }

    /// <summary>
    /// The staff inbox asked <paramref name="queries"/> times in turn (all cases, overdue, due soon, a fifth page of 50),
    /// one after another through the gateway, by a client signed in as HRSS staff: each answer's milliseconds.
    /// </summary>
    public static async Task<List<double>> InboxLatenciesAsync(HttpClient staff, int queries)
    {
        var urls = new[] { "/api/applications/inbox", "/api/applications/inbox?status=overdue", "/api/applications/inbox?status=dueSoon", "/api/applications/inbox?page=5&pageSize=50" };
        var latencies = new List<double>(queries);
        for (var i = 0; i < queries; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await staff.GetAsync(urls[i % urls.Length]);
            await response.Content.ReadAsByteArrayAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }

        return latencies;
    }
}
