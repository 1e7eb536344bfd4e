using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>
/// Provider approval in the operators' console: a broker who registers waits as pending, an operator approves them in
/// the browser (they are approved in matching, so proposed from then on) and suspends them again; staff are refused.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ConsoleProvidersTests(SystemFixture system)
{
    [Fact]
    public async Task A_newly_registered_broker_waits_until_an_operator_approves_them_in_the_console_and_can_be_suspended_there()
    {
        var ct = TestContext.Current.CancellationToken;
        var userName = "broker-" + Guid.NewGuid().ToString("N")[..8];
        using (var admin = system.As((await system.SignInAsync("operator1", "identity")).AccessToken!))
        {
            var created = await admin.PostAsJsonAsync("/identity/api/users", new { userName, displayName = $"测试经纪人 {userName}", password = "Valid#2026pass", roles = new[] { "broker" } }, ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        Guid id;
        using (var broker = system.As((await system.SignInAsync(userName, "matching", "Valid#2026pass")).AccessToken!))
        {
            var registered = await broker.PutAsJsonAsync("/api/matching/providers/me", new
            {
                name = $"测试经纪人 {userName}", team = "broker", organisation = "高新区技术转移中心", organisationKind = "technology-transfer",
                domains = new[] { "biomedicine" }, serviceTypes = new[] { "technical" }, stages = new[] { "research" }, languages = new[] { "zh" },
                capacity = 5, available = true, seniority = 2, introduction = "生物医药成果转化。",
            }, ct);
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
            var profile = await registered.Content.ReadFromJsonAsync<JsonElement>(ct);
            Assert.Equal("pending", profile.GetProperty("status").GetString());
            id = profile.GetProperty("id").GetGuid();
        }

        var browser = await system.BrowserAsync();
        var page = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await page.GotoAsync("/");
        await PortalSession.SignInAsync(page, "operator1");
        await page.Locator("#nav-console").ClickAsync();
        await page.Locator("#console-providers").ClickAsync();
        await page.Locator("#filter-pending").ClickAsync();
        await page.WaitForURLAsync("**/console/providers?status=pending");
        await Assertions.Expect(page.Locator($"#provider-{id}")).ToContainTextAsync("待审核");
        await page.Locator($"#approve-{id}").ClickAsync();
        await page.WaitForURLAsync("**/console/providers?status=pending&done=approved");
        await Assertions.Expect(page.Locator("#case-notice")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator($"#provider-{id}").CountAsync());
        Assert.Equal("approved", await StatusAsync(id, ct));

        // Approved providers run to several pages: the one that lists this broker, as the API pages them.
        var number = await PageOfAsync(id, ct);
        await page.GotoAsync($"/console/providers?status=approved&page={number}");
        await page.Locator($"#suspend-{id}").ClickAsync();
        await page.WaitForURLAsync("**done=suspended");
        Assert.Equal("suspended", await StatusAsync(id, ct));
        await PortalBrowser.ScreenshotAsync(page, "console-providers-zh-1280");
        await page.Context.CloseAsync();

        var staff = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);
        await staff.GotoAsync("/");
        await PortalSession.SignInAsync(staff, "staff-hr");
        Assert.Equal(403, (await staff.GotoAsync("/console/providers"))?.Status);
        await staff.Context.CloseAsync();
    }

    private async Task<string?> StatusAsync(Guid id, CancellationToken ct)
    {
        foreach (var status in new[] { "pending", "approved", "suspended" })
        {
            var list = await ConsoleCases.AsSeenByAsync(system, "operator1", "matching", $"/api/matching/providers?status={status}&pageSize=100", ct);
            if (list.GetProperty("items").EnumerateArray().Any(p => p.GetProperty("id").GetGuid() == id))
            {
                return status;
            }
        }

        return null;
    }

    private async Task<int> PageOfAsync(Guid id, CancellationToken ct)
    {
        var list = await ConsoleCases.AsSeenByAsync(system, "operator1", "matching", "/api/matching/providers?status=approved&pageSize=100", ct);
        var index = list.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList().IndexOf(id);
        Assert.True(index >= 0, "the approved broker among the first 100 approved providers");
        return index / 20 + 1;
    }
}
