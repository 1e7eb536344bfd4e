using System.Net.Http.Json;
using Microsoft.Playwright;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>
/// The console's side of 好差评 in the browser, through the gateway: a department's staff member takes a bad review
/// through verification, rectification and the return visit to its close; appeals another, which waits for an operator
/// who removes it; takes up a ticket routed to the department and replies. Staff of another department reach neither a
/// rectification case nor a ticket by URL; a talent is refused the console's pages. The window offline: a walk-in
/// person's ticket is opened, passed on to the department it belongs to, answered there, and the person's answer recorded.
/// </summary>
public sealed class ConsoleFeedbackTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task A_bad_review_is_verified_rectified_and_closed_after_a_return_visit_each_step_refused_when_its_field_is_empty()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await ConsoleCases.BadReviewAsync(system, ct);
        var browser = await system.BrowserAsync();
        var page = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await page.GotoAsync("/");
        await PortalSession.SignInAsync(page, "staff-hr");

        await page.Locator("#nav-console").ClickAsync();
        await page.Locator("#console-rectifications").ClickAsync();
        await page.WaitForURLAsync("**/console/rectifications");
        await page.Locator("#filter-raised").ClickAsync();
        await page.WaitForURLAsync("**/console/rectifications?filter=raised");
        await page.Locator($"#rectifications a[href='/console/rectifications/{id}']").ClickAsync();
        await page.WaitForURLAsync($"**/console/rectifications/{id}");
        await Assertions.Expect(page.Locator("#rectification-facts")).ToContainTextAsync("推荐的岗位与爱人专业完全不符");
        await Assertions.Expect(page.Locator("#rectification-state")).ToHaveTextAsync("待核实");

        await page.Locator("#start-verification").ClickAsync();
        await page.WaitForURLAsync($"**/console/rectifications/{id}?done=verification-started");
        await page.Locator("#verify").ClickAsync();
        await Assertions.Expect(page.Locator("#findings-error")).ToBeVisibleAsync();
        await page.Locator("#findings").FillAsync("核实属实：推荐前未核对配偶专业");
        await page.Locator("#verify").ClickAsync();
        await page.WaitForURLAsync($"**/console/rectifications/{id}?done=verified");
        await page.Locator("#changes").FillAsync("推荐前电话确认专业方向，已重新推荐三个岗位");
        await page.Locator("#rectify").ClickAsync();
        await page.WaitForURLAsync($"**/console/rectifications/{id}?done=rectified");

        // The visit's result must be chosen; then the case closes and offers nothing more.
        await page.Locator("#return-visit").ClickAsync();
        await Assertions.Expect(page.Locator("#satisfied-error")).ToBeVisibleAsync();
        await page.Locator("#satisfied-yes").CheckAsync();
        await page.Locator("#visit-note").FillAsync("电话回访，对重新推荐满意");
        await page.Locator("#return-visit").ClickAsync();
        await page.WaitForURLAsync($"**/console/rectifications/{id}?done=visited");
        await Assertions.Expect(page.Locator("#no-actions")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#rectification-record")).ToContainTextAsync("已重新推荐三个岗位");
        await PortalBrowser.ScreenshotAsync(page, "console-rectification-closed-zh-1280");

        var seen = await ConsoleCases.AsSeenByAsync(system, "staff-hr", "feedback", $"/api/feedback/rectifications/{id}", ct);
        Assert.Equal("closed", seen.GetProperty("state").GetString());
        Assert.Equal("rectified", seen.GetProperty("outcome").GetString());
        Assert.True(seen.GetProperty("satisfiedAfterVisit").GetBoolean());
        Assert.Equal(["raise", "start-verification", "verify", "rectify", "return-visit"], seen.GetProperty("history").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_appeal_waits_for_an_operator_who_removes_the_review_and_other_departments_reach_neither_the_case_nor_a_ticket_by_URL()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await ConsoleCases.BadReviewAsync(system, ct);
        var ticket = await ConsoleCases.TicketAsync(system, "企业如何为员工配偶申请就业推荐？", ct);
        var browser = await system.BrowserAsync();

        var hr = await browser.OpenAsync(system.GatewayAddress, "en", PortalBrowser.Sizes[0]);
        await hr.GotoAsync("/");
        await PortalSession.SignInAsync(hr, "staff-hr");
        await hr.GotoAsync($"/console/rectifications/{id}");
        await hr.Locator("#appeal").ClickAsync();
        await Assertions.Expect(hr.Locator("#appeal-reason-error")).ToBeVisibleAsync();
        await hr.Locator("#appeal-reason").FillAsync("The applicant rated the wrong service; the recommendation was what was asked for.");
        await hr.Locator("#appeal").ClickAsync();
        await hr.WaitForURLAsync($"**/console/rectifications/{id}?done=appealed");
        await Assertions.Expect(hr.Locator("#rectification-appeal")).ToContainTextAsync("Waiting for an operator");
        await Assertions.Expect(hr.Locator("#no-actions")).ToBeVisibleAsync(); // the steps stand still; the decision is not staff's
        await PortalBrowser.ScreenshotAsync(hr, "console-rectification-appealed-en-390");
        await hr.Context.CloseAsync();

        var sti = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await sti.GotoAsync("/");
        await PortalSession.SignInAsync(sti, "staff-sti");
        Assert.Equal(404, (await sti.GotoAsync($"/console/rectifications/{id}"))?.Status);
        Assert.DoesNotContain("推荐的岗位与爱人专业完全不符", await sti.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(404, (await sti.GotoAsync($"/console/tickets/{ticket}"))?.Status);
        Assert.DoesNotContain("企业如何为员工配偶申请就业推荐", await sti.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await sti.Locator("#take-ticket").CountAsync());
        await sti.Context.CloseAsync();

        var talent = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);
        await talent.GotoAsync("/");
        await PortalSession.SignInAsync(talent, "talent1");
        Assert.Equal(403, (await talent.GotoAsync($"/console/rectifications/{id}"))?.Status);
        Assert.Equal(403, (await talent.GotoAsync("/console/tickets"))?.Status);
        await talent.Context.CloseAsync();

        // The operator's console starts at rectification (the case inbox is staff's); the decision must be chosen.
        var op = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await op.GotoAsync("/");
        await PortalSession.SignInAsync(op, "operator1");
        Assert.EndsWith("/console/rectifications", await op.Locator("#nav-console").GetAttributeAsync("href"), StringComparison.Ordinal);
        await op.GotoAsync($"/console/rectifications/{id}");
        await Assertions.Expect(op.Locator("#console-rectifications")).ToBeVisibleAsync();
        Assert.Equal(0, await op.Locator("#console-cases").CountAsync());
        await op.Locator("#decision-note").FillAsync("经核实，评价对象有误，移出统计");
        await op.Locator("#decide-appeal").ClickAsync();
        await Assertions.Expect(op.Locator("#remove-error")).ToBeVisibleAsync();
        await op.Locator("#remove-yes").CheckAsync();
        await op.Locator("#decide-appeal").ClickAsync();
        await op.WaitForURLAsync($"**/console/rectifications/{id}?done=appeal-decided");
        await Assertions.Expect(op.Locator("#rectification-outcome")).ToContainTextAsync("评价移出统计");
        await op.Context.CloseAsync();

        var seen = await ConsoleCases.AsSeenByAsync(system, "staff-hr", "feedback", $"/api/feedback/rectifications/{id}", ct);
        Assert.Equal("closed", seen.GetProperty("state").GetString());
        Assert.Equal("removedOnAppeal", seen.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_ticket_routed_to_the_department_is_taken_up_and_answered_in_the_console_and_the_person_sees_the_reply()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await ConsoleCases.TicketAsync(system, "配偶就业推荐需要企业证明吗？", ct);
        var browser = await system.BrowserAsync();
        var page = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);
        await page.GotoAsync("/");
        await PortalSession.SignInAsync(page, "staff-hr");
        await page.GotoAsync("/console/tickets");
        await page.Locator("#filter-open").ClickAsync();
        await page.WaitForURLAsync("**/console/tickets?filter=open");
        await page.Locator($"#tickets a[href='/console/tickets/{id}']").ClickAsync();
        await page.WaitForURLAsync($"**/console/tickets/{id}");
        await Assertions.Expect(page.Locator("#ticket-body")).ToContainTextAsync("企业出具什么证明");

        await page.Locator("#take-ticket").ClickAsync();
        await page.WaitForURLAsync($"**/console/tickets/{id}?done=taken");
        await Assertions.Expect(page.Locator("#ticket-owner")).ToContainTextAsync("李强");
        Assert.Equal(0, await page.Locator("#take-ticket").CountAsync());
        await page.Locator("#reply-ticket").ClickAsync();
        await Assertions.Expect(page.Locator("#reply-error")).ToBeVisibleAsync();
        await page.Locator("#reply").FillAsync("无需企业证明，提交劳动合同复印件即可。");
        await page.Locator("#reply-ticket").ClickAsync();
        await page.WaitForURLAsync($"**/console/tickets/{id}?done=replied");
        await Assertions.Expect(page.Locator("#ticket-state")).ToHaveTextAsync("已答复，待反馈人确认");
        await PortalBrowser.ScreenshotAsync(page, "console-ticket-replied-zh-390");
        await page.Context.CloseAsync();

        var seen = await ConsoleCases.AsSeenByAsync(system, "enterprise1", "feedback", $"/api/feedback/tickets/{id}", ct);
        Assert.Equal("replied", seen.GetProperty("state").GetString());
        Assert.Equal("无需企业证明，提交劳动合同复印件即可。", seen.GetProperty("reply").GetString());
        Assert.Contains("李强", seen.GetProperty("ownerName").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_walk_in_person_s_ticket_is_opened_at_the_window_passed_on_with_a_reason_answered_elsewhere_and_their_answer_recorded()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await system.BrowserAsync();
        var page = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await page.GotoAsync("/");
        await PortalSession.SignInAsync(page, "staff-hr");
        await page.GotoAsync("/console/tickets");
        await page.Locator("#new-walkin").ClickAsync();
        await page.WaitForURLAsync("**/console/tickets/new");

        // Nothing filled in: each missing field is named beside it, nothing is opened.
        await page.Locator("#open-walkin").ClickAsync();
        await Assertions.Expect(page.Locator("#walkin-phone-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#walkin-name-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#walkin-category-error")).ToBeVisibleAsync();

        await page.Locator("#walkin-channel-window").CheckAsync();
        await page.Locator("#walkin-name").FillAsync("陈七");
        await page.Locator("#walkin-phone").FillAsync("023-6800 1234");
        await page.Locator("#walkin-kind-question").CheckAsync();
        await page.Locator("#walkin-category").SelectOptionAsync("employment");
        await page.Locator("#walkin-title").FillAsync("来访咨询科研项目申报");
        await page.Locator("#walkin-body").FillAsync("来访人想了解科研项目申报的时间和条件。");
        await page.Locator("#open-walkin").ClickAsync();
        await page.WaitForURLAsync("**/console/tickets/*?done=walkInOpened");
        var id = Guid.Parse(new Uri(page.Url).Segments[^1]);
        await Assertions.Expect(page.Locator("#ticket-channel")).ToContainTextAsync("服务点窗口");
        await Assertions.Expect(page.Locator("#ticket-person")).ToContainTextAsync("023-6800 1234");
        await Assertions.Expect(page.Locator("#ticket-owner")).ToContainTextAsync("李强");

        // It is the science bureau's matter: passed on with a reason, the new clock explained.
        await page.Locator("#transfer-department").SelectOptionAsync("STI");
        await page.Locator("#transfer-ticket").ClickAsync();
        await Assertions.Expect(page.Locator("#transfer-reason-error")).ToBeVisibleAsync();
        await page.Locator("#transfer-department").SelectOptionAsync("STI");
        await page.Locator("#transfer-reason").FillAsync("科研项目申报属科技创新局");
        await page.Locator("#transfer-ticket").ClickAsync();
        await page.WaitForURLAsync($"**/console/tickets/{id}?done=transferred");
        await Assertions.Expect(page.Locator("#ticket-clock")).ToContainTextAsync("自转办之日");
        await Assertions.Expect(page.Locator("#ticket-history")).ToContainTextAsync("科研项目申报属科技创新局");

        using (var sti = system.As((await system.SignInAsync("staff-sti", "feedback")).AccessToken!))
        {
            var replied = await sti.PostAsJsonAsync($"/api/feedback/tickets/{id}/reply", new { reply = "每年 3 月开放申报，条件见科技创新局公告。" }, ct);
            Assert.Equal(System.Net.HttpStatusCode.OK, replied.StatusCode);
        }

        // Followed under "opened by me"; the person's answer is recorded at the window.
        await page.GotoAsync("/console/tickets?filter=mine");
        await page.Locator($"#tickets a[href='/console/tickets/{id}']").ClickAsync();
        await page.WaitForURLAsync($"**/console/tickets/{id}");
        await page.Locator("#record-ticket").ClickAsync();
        await Assertions.Expect(page.Locator("#record-answer-error")).ToBeVisibleAsync();
        await page.Locator("#record-satisfied").CheckAsync();
        await page.Locator("#record-note").FillAsync("电话告知答复，满意");
        await page.Locator("#record-ticket").ClickAsync();
        await page.WaitForURLAsync($"**/console/tickets/{id}?done=recordedConfirmation");
        await Assertions.Expect(page.Locator("#ticket-state")).ToHaveTextAsync("已办结");
        await page.Context.CloseAsync();

        var seen = await ConsoleCases.AsSeenByAsync(system, "staff-sti", "feedback", $"/api/feedback/tickets/{id}", ct);
        Assert.Equal(("closed", "window", "STI", 1), (seen.GetProperty("state").GetString(), seen.GetProperty("channel").GetString(), seen.GetProperty("department").GetString(), seen.GetProperty("transfers").GetInt32()));
        Assert.Equal(["open", "transfer", "take", "reply", "confirm"], seen.GetProperty("history").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
    }
}
