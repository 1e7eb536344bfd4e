using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>
/// Matching's settings in the operators' console: a broker who registers waits as pending, an operator approves them in
/// the browser (they are approved in matching, so proposed from then on) and suspends them again; staff are refused. A
/// suggestion rule is added with its errors beside the fields; a save over a list somebody changed meanwhile is refused
/// and said, and applies when saved again knowingly.
/// </summary>
[Collection(AloneCollection.Name)]
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
        // Enhanced navigation changes the address before it patches the page: the filtered list is there when its link is current.
        await Assertions.Expect(page.Locator("#filter-pending")).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(page.Locator($"#provider-{id}")).ToContainTextAsync("待审核");
        await page.Locator($"#approve-{id}").ClickAsync();
        await DoneAsync(page, "approved");
        Assert.Equal(0, await page.Locator($"#provider-{id}").CountAsync());
        Assert.Equal("approved", await StatusAsync(id, ct));

        // Approved providers run to several pages: the one that lists this broker, as the API pages them.
        var number = await PageOfAsync(id, ct);
        await page.GotoAsync($"/console/providers?status=approved&page={number}");
        await page.Locator($"#suspend-{id}").ClickAsync();
        await DoneAsync(page, "suspended");
        Assert.Equal("suspended", await StatusAsync(id, ct));
        await PortalBrowser.ScreenshotAsync(page, "console-providers-zh-1280");
        await page.Context.CloseAsync();

        var staff = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);
        await staff.GotoAsync("/");
        await PortalSession.SignInAsync(staff, "staff-hr");
        Assert.Equal(403, (await staff.GotoAsync("/console/providers"))?.Status);
        await staff.Context.CloseAsync();
    }

    [Fact]
    public async Task A_suggestion_rule_is_added_with_errors_beside_its_fields_and_a_save_over_a_changed_list_is_refused_until_made_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var code = "console-" + Guid.NewGuid().ToString("N")[..8];
        using var api = system.As((await system.SignInAsync("operator1", "matching")).AccessToken!);
        var browser = await system.BrowserAsync();
        var page = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await page.GotoAsync("/");
        await PortalSession.SignInAsync(page, "operator1");
        await page.GotoAsync("/console/suggestion-rules");
        await page.Locator("#new-rule").ClickAsync();
        await page.Locator("#rule-code").FillAsync(code);
        await page.Locator("#rule-itemCode").FillAsync(ConsoleCases.Item);
        await page.Locator("#rule-team").SelectOptionAsync("broker");
        await page.Locator("#rule-messageEn").FillAsync("A tech broker can help your spouse's employer.");
        await page.Locator("#rule-enabled").UncheckAsync(); // nothing is suggested to anybody by this test
        await page.Locator("#save-rule").ClickAsync();
        await Assertions.Expect(page.Locator("#rule-messageZh-error")).ToBeVisibleAsync();
        await page.Locator("#rule-messageZh").FillAsync("科创经纪人可以帮助您爱人的用人单位。");
        await page.Locator("#save-rule").ClickAsync();
        await page.WaitForURLAsync("**/console/suggestion-rules?done=saved");
        await Assertions.Expect(page.Locator($"#rule-{code}")).ToContainTextAsync("未启用");

        // The form opened at one revision; somebody else saves the list; this save is refused and said, nothing lost.
        await page.Locator($"#edit-{code}").ClickAsync();
        await page.Locator("#rule-messageZh").FillAsync("本页的修改");
        await ChangeRulesAsync(api, rules => rules.Select(r => r["code"]!.GetValue<string>() == code ? Changed(r, "messageEn", "Changed elsewhere.") : r), ct);
        await page.Locator("#save-rule").ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("已被他人修改");
        var ours = (await RulesAsync(api, ct)).Rules.Single(r => r["code"]!.GetValue<string>() == code);
        Assert.Equal("科创经纪人可以帮助您爱人的用人单位。", ours["messageZh"]!.GetValue<string>());
        Assert.Equal("Changed elsewhere.", ours["messageEn"]!.GetValue<string>());
        await PortalBrowser.ScreenshotAsync(page, "console-rules-stale-zh-1280");

        // Saved again, knowingly: this page's change applies to the rule as it is now, the other person's stays.
        await Assertions.Expect(page.Locator("#rule-messageEn")).ToHaveValueAsync("Changed elsewhere.");
        await page.Locator("#save-rule").ClickAsync();
        await page.WaitForURLAsync("**/console/suggestion-rules?done=saved");
        ours = (await RulesAsync(api, ct)).Rules.Single(r => r["code"]!.GetValue<string>() == code);
        Assert.Equal("本页的修改", ours["messageZh"]!.GetValue<string>());
        Assert.Equal("Changed elsewhere.", ours["messageEn"]!.GetValue<string>()); // the other person's change stands
        await page.Context.CloseAsync();

        await ChangeRulesAsync(api, rules => rules.Where(r => r["code"]!.GetValue<string>() != code), ct);
    }

    private static JsonObject Changed(JsonObject rule, string field, string value)
    {
        var copy = rule.DeepClone().AsObject();
        copy[field] = value;
        return copy;
    }

    private static async Task<(List<JsonObject> Rules, string ETag)> RulesAsync(HttpClient api, CancellationToken ct)
    {
        using var response = await api.GetAsync("/api/matching/suggestion-rules", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rules = (await response.Content.ReadFromJsonAsync<JsonArray>(ct))!.Select(r => r!.AsObject()).ToList();
        return (rules, response.Headers.ETag!.Tag);
    }

    private static async Task ChangeRulesAsync(HttpClient api, Func<List<JsonObject>, IEnumerable<JsonObject>> change, CancellationToken ct)
    {
        var (rules, etag) = await RulesAsync(api, ct);
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/matching/suggestion-rules") { Content = JsonContent.Create(change(rules).Select(r => r.DeepClone()).ToList()) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(request, ct)).StatusCode);
    }

    /// <summary>The action's notice after its redirect; else what the page said instead (its error summary, or all of it).</summary>
    private static async Task DoneAsync(IPage page, string done)
    {
        await page.Locator("#case-notice, #error-summary").First.WaitForAsync(new() { Timeout = 30_000 });
        Assert.True(await page.Locator("#case-notice").IsVisibleAsync(), $"{page.Url}: {await page.Locator("main").InnerTextAsync()}");
        Assert.Contains($"done={done}", page.Url, StringComparison.Ordinal);
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
