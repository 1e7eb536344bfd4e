using Microsoft.Playwright;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>
/// Survey before service (摸底调研 → 分层对接) in the browser, through the gateway: a butler finds a talent, records a visit
/// with the need found; the talent sees the demand recorded for them, with who recorded it and what its tier rests on, and
/// corrects it. The butler's and the talent's new pages have no serious accessibility violation.
/// </summary>
public sealed class PortalSurveyTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task A_butler_records_a_visit_whose_need_becomes_the_talent_s_demand_which_the_talent_corrects()
    {
        var browser = await system.BrowserAsync();
        var butler = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await butler.GotoAsync("/");
        await PortalSession.SignInAsync(butler, "butler1");
        await butler.GotoAsync("/matching");
        await butler.Locator("#visits-link").ClickAsync();
        await butler.WaitForURLAsync("**/matching/visits");
        await butler.Locator("#client-q").FillAsync("张明");
        await butler.Locator("#find-client-button").ClickAsync();
        await butler.Locator("#visit-demo-talent1").ClickAsync();
        await butler.WaitForURLAsync("**/matching/visits/new?client=demo-talent1");

        // Nothing but the date: the summary and the need's fields are named.
        await butler.Locator("#submit-demand").ClickAsync();
        await Assertions.Expect(butler.Locator("#summary-error")).ToBeVisibleAsync();
        await Assertions.Expect(butler.Locator("#description-error")).ToBeVisibleAsync();

        var need = $"实验室中试线需要融资对接（走访 {Guid.NewGuid().ToString("N")[..6]}）";
        await butler.Locator("#summary").FillAsync("走访实验室：中试线设备已到位，缺少后续资金。");
        await butler.Locator("#description").FillAsync(need);
        await butler.Locator("#domains-biomedicine").CheckAsync();
        await butler.Locator("#service-types-financing").CheckAsync();
        await butler.Locator("#stage-pilot").CheckAsync();
        await butler.Locator("#submit-demand").ClickAsync();
        await butler.WaitForURLAsync("**/matching/visits?done=recorded");
        await Assertions.Expect(butler.Locator("#visits")).ToContainTextAsync(need);
        await butler.Context.CloseAsync();

        var talent = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);
        await talent.GotoAsync("/");
        await PortalSession.SignInAsync(talent, "talent1");
        await talent.GotoAsync("/matching");
        await talent.Locator("a", new() { HasText = need[..10] }).First.ClickAsync();
        await Assertions.Expect(talent.Locator("#recorded-at-visit")).ToContainTextAsync("赵磊");
        await Assertions.Expect(talent.Locator("#tier-basis")).ToBeVisibleAsync();
        await talent.Locator("#correct-demand").ClickAsync();
        await talent.WaitForURLAsync("**/matching/demands/*/edit");
        await Assertions.Expect(talent.Locator("#description")).ToHaveValueAsync(need);
        await talent.Locator("#description").FillAsync(need + "，已有意向投资 500 万");
        await talent.Locator("#submit-demand").ClickAsync();
        await talent.WaitForURLAsync("**/matching/demands/*?done=corrected");
        await Assertions.Expect(talent.Locator(".demand-text")).ToContainTextAsync("已有意向投资 500 万");
        var demand = new Uri(talent.Url).Segments[^1];
        await talent.Context.CloseAsync();

        SweptPage[] butlerPages = [new("/matching/visits?q=%E5%BC%A0%E6%98%8E", Screenshot: "visits"), new("/matching/visits/new?client=demo-talent1", Screenshot: "visit-new")];
        var problems = await browser.SweepAsync(system.GatewayAddress, "butler1", butlerPages);
        problems = [.. problems, .. await browser.SweepAsync(system.GatewayAddress, "talent1", [new($"/matching/demands/{demand}/edit", Screenshot: "demand-edit")])];
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task A_talent_sees_their_record_and_stages_shares_it_and_a_butler_who_does_not_serve_them_still_finds_nothing()
    {
        var browser = await system.BrowserAsync();
        var talent = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);
        await talent.GotoAsync("/");
        await PortalSession.SignInAsync(talent, "talent1");
        await talent.GotoAsync("/matching");
        await talent.Locator("#record-link").ClickAsync();
        await talent.WaitForURLAsync("**/record");
        await Assertions.Expect(talent.Locator("#record-stages li")).ToHaveCountAsync(6);
        await Assertions.Expect(talent.Locator("#record-timeline")).ToContainTextAsync("登记需求"); // the demonstration demands
        await talent.Locator("#sharing-yes").CheckAsync();
        await talent.Locator("#save-sharing").ClickAsync();
        await talent.WaitForURLAsync("**/record?done=shared");
        await Assertions.Expect(talent.Locator("#record-notice")).ToContainTextAsync("已向为您服务的人才管家开放");
        await Assertions.Expect(talent.Locator("#sharing-yes")).ToBeCheckedAsync();
        await talent.Context.CloseAsync();

        // butler1 serves no engagement of talent1's in the demonstration data: consent alone opens nothing.
        var butler = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await butler.GotoAsync("/");
        await PortalSession.SignInAsync(butler, "butler1");
        Assert.Equal(404, (await butler.GotoAsync("/matching/record/demo-talent1"))?.Status);
        Assert.Equal(0, await butler.Locator("#record-timeline").CountAsync());
        await butler.Context.CloseAsync();

        var problems = await browser.SweepAsync(system.GatewayAddress, "talent1", [new("/record", Screenshot: "record")]);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
