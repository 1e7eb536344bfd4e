extern alias catalogue;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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

    private static async Task<List<Guid>> ListedAsync(HttpClient client, string uri, CancellationToken ct)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(uri, ct);
        return [.. page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid())];
    }
}
