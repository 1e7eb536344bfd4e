using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>
/// Matching batches in the operators' console, through the whole system: an operator runs a batch, reads its figures
/// (the exact total never below the greedy one) and the proposal made for a talent's open demand with every part of its
/// score, and finds the batch among those run lately; staff are refused the page. Alone: a batch takes every open demand.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class ConsoleBatchTests(SystemFixture system)
{
    [Fact]
    public async Task An_operator_runs_a_batch_and_reads_its_totals_and_the_proposal_for_an_open_demand_with_its_score_explained()
    {
        var ct = TestContext.Current.CancellationToken;
        using var talent = system.As((await system.SignInAsync("talent1", "matching")).AccessToken!);
        using var registered = await talent.PostAsJsonAsync("/api/matching/demands", new
        {
            domains = new[] { "biomedicine" }, stage = "pilot", serviceTypes = new[] { "financing" }, description = "中试阶段融资对接（控制台批量匹配测试）",
            language = "zh", urgency = "high", talentDesignation = "distinguished",
        }, ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var demandId = (await registered.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();

        var browser = await system.BrowserAsync();
        var op = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await op.GotoAsync("/");
        await PortalSession.SignInAsync(op, "operator1");
        await op.Locator("#nav-console").ClickAsync();
        await op.Locator("#console-matching").ClickAsync();
        await op.WaitForURLAsync("**/console/matching");
        await op.Locator("#run-batch").ClickAsync();
        await op.WaitForURLAsync("**/console/matching/batches/*?done=batch-run");
        var batchId = new Uri(op.Url).AbsolutePath.Split('/')[^1];

        var exact = long.Parse(await op.Locator("#batch-exact").InnerTextAsync(), CultureInfo.InvariantCulture);
        var greedy = long.Parse((await op.Locator("#batch-greedy").InnerTextAsync()).Split('（', '(')[0].Trim(), CultureInfo.InvariantCulture);
        Assert.True(exact >= greedy, $"exact {exact}, greedy {greedy}");
        Assert.True(int.Parse(await op.Locator("#batch-proposals").InnerTextAsync(), CultureInfo.InvariantCulture) >= 1);

        // The proposal for this demand, as the API has it, is on the page with the six parts of its score.
        using var operators = system.As((await system.SignInAsync("operator1", "matching")).AccessToken!);
        var proposals = await operators.GetFromJsonAsync<JsonElement>($"/api/matching/batches/{batchId}/proposals", ct);
        // A distinguished talent's demand may be proposed several providers: the first of them (best score) is enough.
        var mine = proposals.EnumerateArray().First(p => p.GetProperty("demandId").GetString() == demandId);
        var item = op.Locator($"#proposal-{mine.GetProperty("id").GetString()}");
        await Assertions.Expect(item.Locator("h3")).ToContainTextAsync(mine.GetProperty("provider").GetProperty("name").GetString()!);
        await Assertions.Expect(item).ToContainTextAsync($"得分 {mine.GetProperty("score").GetInt32()}");
        await Assertions.Expect(item.Locator("tbody tr")).ToHaveCountAsync(6);
        await PortalBrowser.ScreenshotAsync(op, "console-batch-zh-1280");
        var violations = await PortalBrowser.SeriousViolationsAsync(op);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        await op.GotoAsync("/console/matching");
        await Assertions.Expect(op.Locator($"#batches a[href$='/console/matching/batches/{batchId}']")).ToBeVisibleAsync();
        Assert.Equal(404, (await op.GotoAsync($"/console/matching/batches/{Guid.NewGuid()}"))?.Status);
        await op.Context.CloseAsync();

        var staff = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);
        await staff.GotoAsync("/");
        await PortalSession.SignInAsync(staff, "staff-hr");
        Assert.Equal(403, (await staff.GotoAsync("/console/matching"))?.Status);
        await staff.Context.CloseAsync();
    }
}
