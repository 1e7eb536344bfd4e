extern alias catalogue;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using catalogue::Talent.Catalogue.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Talent.Testing;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// The directory's in-memory search index on a real database: built from the database when a replica starts, not ready
/// (starting) until then, and kept equal to the database when another replica publishes or withdraws.
/// </summary>
public sealed class CatalogueSearchIndexTests
{
    private const string Item = "SPOUSE-EMPLOYMENT"; // a demonstration item, led by HRSS

    [Fact]
    public async Task A_replica_is_starting_and_not_ready_until_its_index_is_built_from_what_the_database_holds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = await ServiceHost<catalogue::Program>.StartAsync("catalogue", ("Catalogue:DemoData", "true"));
        // A second replica of the same database whose start-up build is held back (its periodic work removed).
        await using var second = await ServiceHost<catalogue::Program>.StartAsync("catalogue",
            services => services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SearchIndexSync))),
            first.ReplicaSettings("catalogue"));
        using var client = second.ClientAs(null);
        using var mine = first.ClientAs(null);

        using (var health = await client.GetAsync("/health", ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            var check = (await health.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("checks").GetProperty("search-index");
            // Starting, not failing (a warning in the log, not an error), and not ready: 503.
            Assert.Equal(("Degraded", "Starting: Building the search index"), (check.GetProperty("status").GetString(), check.GetProperty("description").GetString()));
        }

        // The start-up step, run now: everything the first replica's seeding put in the database is found.
        await ActivatorUtilities.CreateInstance<SearchIndexSync>(second.Factory.Services).SyncOnceAsync(ct);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", ct)).StatusCode);
        Assert.Equal(await TotalAsync(mine, "", ct), await TotalAsync(client, "", ct));
        Assert.Contains((Item, 1), await HitsAsync(client, "配偶", ct));
    }

    [Fact]
    public async Task A_publication_and_a_withdrawal_on_one_replica_reach_the_other_replica_s_search_within_the_sync_interval()
    {
        var ct = TestContext.Current.CancellationToken;
        var interval = ("Catalogue:Search:SyncInterval", "00:00:00.200");
        await using var first = await ServiceHost<catalogue::Program>.StartAsync("catalogue", ("Catalogue:DemoData", "true"), interval);
        await using var second = await ServiceHost<catalogue::Program>.StartAsync("catalogue", [.. first.ReplicaSettings("catalogue"), interval]);
        using var other = second.ClientAs(null);
        using var mine = first.ClientAs(null);
        await Eventually.UntilAsync(async () => (await HitsAsync(other, "配偶", ct)).Contains((Item, 1)), TimeSpan.FromSeconds(30), "the second replica's index built");

        // Version 2 published on the first replica: found there at once, on the second within the interval.
        using var staff = first.ClientAs(TestTokens.Staff("catalogue", "HRSS", "staff-hr-search"));
        using var op = first.ClientAs(TestTokens.Operator("catalogue"));
        var draft = await AccessRecords.CatalogueDraftAsync(staff, Item);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/catalogue/drafts/{draft}/submit", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.PostAsync($"/api/catalogue/drafts/{draft}/publish", null, ct)).StatusCode);
        Assert.Contains((Item, 2), await HitsAsync(mine, "配偶", ct));
        await Eventually.UntilAsync(async () => (await HitsAsync(other, "配偶", ct)).Contains((Item, 2)), TimeSpan.FromSeconds(10), "version 2 on the second replica");

        // Withdrawn on the first replica: gone from the second's search too.
        var withdrawn = await op.PostAsJsonAsync($"/api/catalogue/items/{Item}/withdraw", new { reason = "政策调整 policy changed" }, ct);
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        await Eventually.UntilAsync(async () => (await HitsAsync(other, "配偶", ct)).All(h => h.Code != Item), TimeSpan.FromSeconds(10), "the withdrawal on the second replica");
        Assert.Equal(await TotalAsync(mine, "", ct), await TotalAsync(other, "", ct));
    }

    [Fact]
    public async Task A_pass_reads_the_items_changed_since_the_newest_change_it_saw_less_the_overlap_and_every_item_at_the_full_interval()
    {
        var ct = TestContext.Current.CancellationToken;
        var (host, index, clock, sync, codes) = await StartWithTestSyncAsync(3, ct);
        await using var _ = host;

        // Withdrawn on another replica just now: read by the next pass.
        await WithdrawElsewhereAsync(host, codes[0], TimeSpan.Zero, ct);
        await sync.SyncOnceAsync(ct);
        Assert.Null(index.VersionOf(codes[0]));

        // A withdrawal committed 50 s after its time, when a newer change had been seen: still within the overlap.
        await WithdrawElsewhereAsync(host, codes[1], TimeSpan.FromSeconds(-50), ct);
        await sync.SyncOnceAsync(ct);
        Assert.Null(index.VersionOf(codes[1]));

        // One 5 minutes behind its commit is not read by a pass that reads only what changed (it reads no more than that) ...
        await WithdrawElsewhereAsync(host, codes[2], TimeSpan.FromMinutes(-5), ct);
        await sync.SyncOnceAsync(ct);
        Assert.NotNull(index.VersionOf(codes[2]));

        // ... and is found when every item is compared again.
        clock.Advance(new SearchOptions().FullSyncInterval);
        await sync.SyncOnceAsync(ct);
        Assert.Null(index.VersionOf(codes[2]));
    }

    [Fact]
    public async Task A_pass_looks_back_no_further_than_the_overlap_before_the_previous_pass_so_a_quiet_catalogue_is_not_read_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var (host, index, clock, sync, codes) = await StartWithTestSyncAsync(2, ct);
        await using var _ = host;

        await WithdrawElsewhereAsync(host, codes[0], TimeSpan.FromSeconds(-30), ct);
        await sync.SyncOnceAsync(ct);
        Assert.Null(index.VersionOf(codes[0]));

        // Five quiet minutes of passes later (this clock's; under the full comparison's ten), the newest change seen is far
        // behind: the passes look back from themselves, so a change stamped more than the overlap before the previous pass
        // is not read (counting from the newest change alone, every pass would still read the minute before it, and find
        // this one) ...
        clock.Advance(TimeSpan.FromMinutes(5));
        await sync.SyncOnceAsync(ct);
        await WithdrawElsewhereAsync(host, codes[1], TimeSpan.FromSeconds(-30), ct);
        await sync.SyncOnceAsync(ct);
        Assert.NotNull(index.VersionOf(codes[1]));

        // ... and the comparison of every item finds it.
        clock.Advance(new SearchOptions().FullSyncInterval);
        await sync.SyncOnceAsync(ct);
        Assert.Null(index.VersionOf(codes[1]));
    }

    /// <summary>
    /// A catalogue whose only sync is the returned one (the host's periodic one removed), on a clock the test moves, once
    /// it has indexed more than <paramref name="count"/> demonstration items; the first <paramref name="count"/> codes.
    /// </summary>
    private static async Task<(ServiceHost<catalogue::Program> Host, CatalogueSearchIndex Index, FakeTimeProvider Clock, SearchIndexSync Sync, string[] Codes)>
        StartWithTestSyncAsync(int count, CancellationToken ct)
    {
        var host = await ServiceHost<catalogue::Program>.StartAsync("catalogue",
            services => services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SearchIndexSync))),
            ("Catalogue:DemoData", "true"));
        var index = host.Factory.Services.GetRequiredService<CatalogueSearchIndex>();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sync = ActivatorUtilities.CreateInstance<SearchIndexSync>(host.Factory.Services, (TimeProvider)clock);
        try
        {
            await Eventually.UntilAsync(async () =>
            {
                await sync.SyncOnceAsync(ct);
                return index.Count > count;
            }, TimeSpan.FromSeconds(30), "the demonstration items indexed");
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return (host, index, clock, sync, [.. index.Versions().Keys.Order(StringComparer.Ordinal).Take(count)]);
    }

    /// <summary>What a withdrawal through another replica leaves in the database, its change time <paramref name="age"/> from now.</summary>
    private static async Task WithdrawElsewhereAsync(ServiceHost<catalogue::Program> host, string code, TimeSpan age, CancellationToken ct)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<catalogue::Talent.Catalogue.Data.CatalogueDbContext>();
        var changedAt = DateTimeOffset.UtcNow + age;
        Assert.Equal(1, await db.Database.ExecuteSqlAsync($"UPDATE items SET withdrawn = true, changed_at = {changedAt} WHERE code = {code}", ct));
    }

    private static async Task<List<(string Code, int Version)>> HitsAsync(HttpClient client, string query, CancellationToken ct)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/catalogue/items?pageSize=50&q={Uri.EscapeDataString(query)}", ct);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("code").GetString()!, i.GetProperty("version").GetInt32()))];
    }

    private static async Task<int> TotalAsync(HttpClient client, string query, CancellationToken ct) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/catalogue/items?q={Uri.EscapeDataString(query)}", ct)).GetProperty("total").GetInt32();
}
