extern alias catalogue;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using catalogue::Talent.Catalogue.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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

    private static async Task<List<(string Code, int Version)>> HitsAsync(HttpClient client, string query, CancellationToken ct)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/catalogue/items?pageSize=50&q={Uri.EscapeDataString(query)}", ct);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("code").GetString()!, i.GetProperty("version").GetInt32()))];
    }

    private static async Task<int> TotalAsync(HttpClient client, string query, CancellationToken ct) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/catalogue/items?q={Uri.EscapeDataString(query)}", ct)).GetProperty("total").GetInt32();
}
