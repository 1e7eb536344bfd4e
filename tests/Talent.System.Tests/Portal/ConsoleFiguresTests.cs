using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>
/// The operators' figures in the browser, through the gateway: the page shows what the services count (a new case is
/// in the period's total), each table comes as CSV with the same figures, and a wrong month is said beside its field. It
/// compares the page with the figures read just before, so it runs alone.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class ConsoleFiguresTests(SystemFixture system)
{
    [Fact]
    public async Task The_figures_page_shows_the_services_counts_with_charts_tables_and_the_same_figures_as_CSV()
    {
        var ct = TestContext.Current.CancellationToken;
        await ConsoleCases.SubmittedAsync(system, ct);
        var thisMonth = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var from = DateTime.UtcNow.AddHours(8).AddMonths(-11).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var counted = await ConsoleCases.AsSeenByAsync(system, "operator1", "applications",
            $"/api/applications/figures?from={from}-01&to={DateTime.UtcNow.AddHours(8).AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture)}-01", ct);
        var hrss = counted.GetProperty("byDepartment").EnumerateArray().Single(d => d.GetProperty("key").GetString() == "HRSS").GetProperty("total").GetInt32();

        var browser = await system.BrowserAsync();
        var page = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await page.GotoAsync("/");
        await PortalSession.SignInAsync(page, "operator1");
        await page.Locator("#nav-console").ClickAsync();
        await page.Locator("#console-figures").ClickAsync();
        await page.WaitForURLAsync("**/console/figures");
        await Assertions.Expect(page.Locator("#cases")).ToContainTextAsync($"{from} 至 {thisMonth} 提交的办件共 {counted.GetProperty("total").GetInt32()} 件");
        await Assertions.Expect(page.Locator("#chart-on-time svg[role=img]")).ToBeVisibleAsync();
        Assert.True(await page.Locator("#chart-satisfaction rect.bar").CountAsync() > 0, "the demonstration ratings' departments are charted");
        Assert.True(await page.Locator("#keywords tbody tr").CountAsync() > 0, "the demonstration texts' keywords are listed");
        await PortalBrowser.ScreenshotAsync(page, "console-figures-zh-1280");

        // The CSV of a table: a byte-order mark, both languages in the header, the very count the service gave.
        var link = await page.Locator("#cases a[href*='cases-departments.csv']").GetAttributeAsync("href");
        var csv = await page.APIRequest.GetAsync(link!);
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);
        var bytes = await csv.BodyAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("部门编码 Department code,部门 Department,提交 Submitted", lines[0], StringComparison.Ordinal);
        Assert.Equal(hrss, int.Parse(lines.Single(l => l.StartsWith("HRSS,", StringComparison.Ordinal)).Split(',')[2], CultureInfo.InvariantCulture));
        var keywords = await page.APIRequest.GetAsync((await page.Locator("#demand a[href*='keywords.csv']").GetAttributeAsync("href"))!);
        Assert.Equal(200, keywords.Status);
        Assert.StartsWith("dimension,group,keyword,count", Encoding.UTF8.GetString((await keywords.BodyAsync())[3..]), StringComparison.Ordinal);

        // A month that is not one is said beside its field, and nothing is counted for it.
        await page.GotoAsync("/console/figures?from=2026-13&to=2026-06");
        await Assertions.Expect(page.Locator("#period-from-error")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#cases").CountAsync());
        Assert.Equal(400, (await page.APIRequest.GetAsync("/console/figures/cases-items.csv?from=2026-07&to=2026-01")).Status);
        await page.Context.CloseAsync();
    }

}

/// <summary>
/// The operators' pages refuse staff and are accessible in both languages at both widths (beside the other tests: they
/// read no snapshot).
/// </summary>
public sealed class ConsoleFiguresAccessTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task Staff_are_refused_the_figures_and_their_CSV_and_the_page_has_no_serious_accessibility_violation()
    {
        var browser = await system.BrowserAsync();
        var staff = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);
        await staff.GotoAsync("/");
        await PortalSession.SignInAsync(staff, "staff-hr");
        Assert.Equal(403, (await staff.GotoAsync("/console/figures"))?.Status);
        await staff.GotoAsync("/console");
        await Assertions.Expect(staff.Locator("#console-cases")).ToBeVisibleAsync();
        Assert.Equal(0, await staff.Locator("#console-figures").CountAsync());
        Assert.Equal(403, (await staff.APIRequest.GetAsync("/console/figures/cases-departments.csv")).Status);
        await staff.Context.CloseAsync();

        var ct = TestContext.Current.CancellationToken;
        var code = await ConsoleCatalogueTests.PublishedItemAsync(system, "SWO", ct);
        var inReview = await ConsoleCatalogueTests.NextDraftAsync(system, code, submit: true, ct);

        SweptPage[] pages =
        [
            new("/console/figures"), new("/console/figures?from=2026-13", Screenshot: "console-figures-error"), new("/console/providers"),
            new("/console/suggestion-rules?new=true"), new("/console/calendar"),
            new($"/console/catalogue/drafts/{inReview}", Screenshot: "console-draft-review"), new($"/console/catalogue/items/{code}/withdraw"),
            new("/console/users", Screenshot: "console-users"), new("/console/users/operator1", Screenshot: "console-user"), new("/console/clients", Screenshot: "console-clients"),
            new("/console/clients/new"), new("/console/audit", Screenshot: "console-audit"), new("/console/matching", Screenshot: "console-batches"),
            new("/console/reference", Screenshot: "console-reference"), new("/console/reference/policies/new"), new("/console/synonyms", Screenshot: "console-synonyms"),
        ];
        var problems = await browser.SweepAsync(system.GatewayAddress, "operator1", pages);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
