extern alias catalogue;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// The console's lists of catalogue drafts: staff see their department's open versions only, and what a draft changes is
/// another department's business (404); operators see all. On a real PostgreSQL, with the demonstration directory.
/// </summary>
public sealed class CatalogueDraftListTests
{
    [Fact]
    public async Task Another_department_neither_lists_a_draft_nor_reads_its_changes_while_its_own_department_and_operators_do()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<catalogue::Program>.StartAsync("catalogue", ("Catalogue:DemoData", "true"));
        using var hr = host.ClientAs(TestTokens.Staff("catalogue", "HRSS", "staff-hr-list"));
        using var sti = host.ClientAs(TestTokens.Staff("catalogue", "STI", "staff-sti-list"));
        using var op = host.ClientAs(TestTokens.Operator("catalogue"));

        // HRSS leads the spouse-employment item: its next version, a copy of the published one, changes nothing yet.
        var id = await AccessRecords.CatalogueDraftAsync(hr, "SPOUSE-EMPLOYMENT");
        Assert.Empty(await hr.GetFromJsonAsync<JsonElement[]>($"/api/catalogue/drafts/{id}/changes", ct) ?? []);

        Assert.Contains(id, await ListedAsync(hr, "/api/catalogue/drafts?state=draft", ct));
        Assert.Contains(id, await ListedAsync(op, "/api/catalogue/drafts", ct));
        Assert.DoesNotContain(id, await ListedAsync(sti, "/api/catalogue/drafts", ct));
        Assert.DoesNotContain(id, await ListedAsync(hr, "/api/catalogue/drafts?state=inReview", ct));
        Assert.Equal(HttpStatusCode.NotFound, (await sti.GetAsync($"/api/catalogue/drafts/{id}/changes", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sti.GetAsync($"/api/catalogue/drafts/{id}", ct)).StatusCode);

        using var bad = await hr.GetAsync("/api/catalogue/drafts?state=published", ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("state", out _), problem.ToString());
    }

    [Fact]
    public async Task The_drafts_list_and_the_review_gauge_can_be_answered_from_the_open_versions_index_rather_than_by_reading_every_version()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<catalogue::Program>.StartAsync("catalogue", ("Catalogue:DemoData", "true"));
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<catalogue::Talent.Catalogue.Data.CatalogueDbContext>();
        string[] queries =
        [
            .. new[] { null, "draft", "inReview" }.Select(state => catalogue::Talent.Catalogue.Editing.DraftsApi.OpenVersions(db, state)!.ToQueryString()),
            catalogue::Talent.Catalogue.Items.CatalogueMeters.Sampler.ReviewQueueSql,
        ];

        // A demonstration directory is small enough to read whole: sequential scans are priced out, so the plan shows
        // whether the index can answer the query at all (its predicate proved by the query's states).
        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off", ct);
        foreach (var sql in queries)
        {
            Assert.DoesNotContain("@", sql); // constants, no parameter (a generic plan could not use the partial index)
            await using var explain = db.Database.GetDbConnection().CreateCommand();
            explain.CommandText = "EXPLAIN " + sql;
            explain.Transaction = transaction.GetDbTransaction();
            var lines = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    lines.Add(reader.GetString(0));
                }
            }

            var plan = string.Join('\n', lines);
            Assert.Contains(catalogue::Talent.Catalogue.Data.Migrations.OpenVersionsIndex.Name, plan);
            Assert.DoesNotContain("Seq Scan on item_versions", plan);
        }
    }

    private static async Task<List<Guid>> ListedAsync(HttpClient client, string uri, CancellationToken ct)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(uri, ct);
        return [.. page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid())];
    }
}
