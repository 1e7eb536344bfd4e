using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>
/// Market resources (导入市场资源) in the console, through the gateway: an operator brings in a law firm (missing fields
/// named beside them), approves it under Providers, and a talent then finds it among the approved providers (then it is
/// suspended again, out of the other tests' way). The page has no serious accessibility violation.
/// </summary>
public sealed class ConsoleMarketTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task An_operator_brings_in_a_law_firm_approves_it_and_it_is_listed_among_the_providers()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await system.BrowserAsync();
        var op = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await op.GotoAsync("/");
        await PortalSession.SignInAsync(op, "operator1");
        await op.GotoAsync("/console/market");
        await op.Locator("#import-market").ClickAsync();
        await Assertions.Expect(op.Locator("#market-kind-error")).ToBeVisibleAsync();
        await Assertions.Expect(op.Locator("#market-service-types-error")).ToBeVisibleAsync();

        var name = $"示例律师事务所 {Guid.NewGuid().ToString("N")[..6]}";
        await op.Locator("#market-name").FillAsync(name);
        await op.Locator("#market-organisation").FillAsync("重庆示例律师事务所（演示）");
        await op.Locator("#market-kind").SelectOptionAsync("law-firm");
        await op.Locator("#market-service-types-intellectual-property").CheckAsync();
        await op.Locator("#market-domains-biomedicine").CheckAsync();
        await op.Locator("#market-stages-pilot").CheckAsync();
        await op.Locator("#market-introduction").FillAsync("专利许可与投融资法律服务；电话 023-6800 9999");
        await op.Locator("#import-market").ClickAsync();
        await op.WaitForURLAsync("**/console/market?done=imported");

        await op.GotoAsync("/console/providers?status=pending");
        var line = op.Locator("#providers tr", new() { HasText = name });
        await Assertions.Expect(line).ToContainTextAsync("市场服务机构");
        await line.Locator("button[id^='approve-']").ClickAsync();
        await op.WaitForURLAsync("**done=approved**");
        await op.Context.CloseAsync();

        using var talent = system.As((await system.SignInAsync("talent1", "matching")).AccessToken!);
        var listed = await talent.GetFromJsonAsync<JsonElement>("/api/matching/providers?team=market&pageSize=100", ct);
        var firm = listed.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);

        // Suspended again, so the other tests on this system (batches, the demonstration's providers) meet it nowhere.
        using var operators = system.As((await system.SignInAsync("operator1", "matching")).AccessToken!);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await operators.PostAsync($"/api/matching/providers/{firm.GetProperty("id").GetString()}/suspend", null, ct)).StatusCode);

        var problems = await browser.SweepAsync(system.GatewayAddress, "operator1", [new("/console/market", Screenshot: "console-market")]);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
