using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Talent.Testing;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>
/// The staff console in the browser, through the gateway: a department's staff member finds a talent's case in the
/// inbox and handles it to the decision; staff of another department cannot reach it by URL, nor its files; people who
/// are not staff are refused the console; its pages (cases, rectification, tickets) are accessible in both languages at
/// both widths.
/// </summary>
public sealed class ConsoleTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    private const string Item = ConsoleCases.Item;
    private static readonly byte[] Pdf = ConsoleCases.Pdf;

    private Task<(Guid Id, string Reference, Guid FileId)> SubmittedCaseAsync(CancellationToken ct) => ConsoleCases.SubmittedAsync(system, ct);

    [Fact]
    public async Task A_staff_member_finds_the_case_in_the_inbox_reads_its_form_and_file_and_takes_it_to_a_decision()
    {
        var ct = TestContext.Current.CancellationToken;
        var (id, reference, fileId) = await SubmittedCaseAsync(ct);
        // 免提交: the identity card's record comes from the department's system through the exchange (within moments).
        await Eventually.UntilAsync(async () => (await ConsoleCases.AsSeenByAsync(system, "staff-hr", "applications", $"/api/applications/{id}", ct))
            .GetProperty("materials").EnumerateArray().Any(m => m.GetProperty("shared") is { ValueKind: JsonValueKind.Object } shared && shared.GetProperty("status").GetString() == "obtained"),
            ConsoleCases.Deadline, "the identity card's record obtained through the exchange");
        var browser = await system.BrowserAsync();
        var page = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await page.GotoAsync("/");
        await PortalSession.SignInAsync(page, "staff-hr");

        await page.Locator("#nav-console").ClickAsync();
        await page.WaitForURLAsync("**/console");
        var total = await page.Locator("#inbox-filter li").First.InnerTextAsync();
        Assert.Matches("全部（[1-9][0-9]*）", total);
        // The inbox runs by deadline: the new case may be on a later page; the item filter finds it on the first.
        await page.Locator("#inbox-item").FillAsync(Item);
        await page.Locator("#inbox-item-filter button").ClickAsync();
        await page.WaitForURLAsync($"**/console?item={Item}");
        await page.Locator("#inbox").GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await page.WaitForURLAsync($"**/console/cases/{id}");
        await Assertions.Expect(page.Locator("#case-answers")).ToContainTextAsync("王丽");
        await Assertions.Expect(page.Locator("#case-materials .shared-record[data-status='obtained']").First).ToContainTextAsync("已从");
        await PortalBrowser.ScreenshotAsync(page, "console-case-zh-1280");

        // The file the talent uploaded, through the portal with the staff member's session.
        var file = await page.APIRequest.GetAsync($"/files/cases/{id}/{fileId}");
        Assert.Equal(200, file.Status);
        Assert.Equal(Pdf, await file.BodyAsync());
        var preview = await page.APIRequest.GetAsync($"/files/cases/{id}/{fileId}?inline=true");
        Assert.StartsWith("inline", preview.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", preview.Headers["content-security-policy"], StringComparison.Ordinal);

        // An empty reason is refused beside its field, before anything reaches the API.
        await page.Locator("#refuse-case").ClickAsync();
        await Assertions.Expect(page.Locator("#refuse-reason-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#error-summary a[href$='#refuse-reason']")).ToBeVisibleAsync();
        Assert.Equal("Submitted", await StateAsync(id, ct));

        await page.Locator("#accept-case").ClickAsync();
        await page.WaitForURLAsync($"**/console/cases/{id}?done=accepted");
        await Assertions.Expect(page.Locator("#case-notice")).ToBeVisibleAsync();
        foreach (var step in new[] { 1, 2 })
        {
            await Assertions.Expect(page.Locator("#complete-step")).ToContainTextAsync($"第 {step} 环节");
            await page.Locator("#complete-step").ClickAsync();
            await page.WaitForURLAsync($"**/console/cases/{id}?done=step");
        }

        // Deciding without choosing is refused for the choice; then approved with the decision in words.
        await page.Locator("#decide-decision").FillAsync("同意推荐至三家企业面试");
        await page.Locator("#decide-case").ClickAsync();
        await Assertions.Expect(page.Locator("#decide-approved-error")).ToBeVisibleAsync();
        await page.Locator("#decide-approved-yes").CheckAsync();
        await page.Locator("#decide-case").ClickAsync();
        await page.WaitForURLAsync($"**/console/cases/{id}?done=decided");
        await Assertions.Expect(page.Locator("#no-actions")).ToBeVisibleAsync();
        Assert.Equal("Approved", await StateAsync(id, ct));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_of_another_department_cannot_reach_the_case_or_its_file_by_URL_and_a_talent_is_refused_the_console()
    {
        var ct = TestContext.Current.CancellationToken;
        var (id, reference, fileId) = await SubmittedCaseAsync(ct);
        var browser = await system.BrowserAsync();

        var sti = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await sti.GotoAsync("/");
        await PortalSession.SignInAsync(sti, "staff-sti");
        var casePage = await sti.GotoAsync($"/console/cases/{id}");
        Assert.Equal(404, casePage?.Status);
        var shown = await sti.Locator("main").InnerTextAsync();
        Assert.DoesNotContain(reference, shown, StringComparison.Ordinal);
        Assert.DoesNotContain("王丽", shown, StringComparison.Ordinal);
        Assert.Equal(0, await sti.Locator("#accept-case").CountAsync());
        Assert.Equal(404, (await sti.APIRequest.GetAsync($"/files/cases/{id}/{fileId}")).Status);
        Assert.Equal("Submitted", await StateAsync(id, ct));
        await sti.Context.CloseAsync();

        var talent = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);
        await talent.GotoAsync("/");
        await PortalSession.SignInAsync(talent, "talent1");
        Assert.Equal(0, await talent.Locator("#nav-console").CountAsync());
        var console = await talent.GotoAsync("/console");
        Assert.Equal(403, console?.Status);
        await Assertions.Expect(talent.Locator("#access-denied")).ToBeVisibleAsync();
        await talent.Context.CloseAsync();

        var anonymous = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);
        await anonymous.GotoAsync("/console");
        Assert.Contains("/identity/account/login", anonymous.Url, StringComparison.Ordinal);
        var file = await anonymous.APIRequest.GetAsync($"/files/cases/{id}/{fileId}", new() { MaxRedirects = 0 });
        Assert.Equal(302, file.Status);
        Assert.Contains("/identity/", file.Headers["location"], StringComparison.Ordinal);
        await anonymous.Context.CloseAsync();
    }

    [Fact]
    public async Task An_enquiry_is_answered_in_the_console_and_the_first_to_answer_owns_it_while_another_department_never_sees_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var question = $"配偶是教师，能推荐到学校吗？（{Guid.NewGuid():N}）";
        using (var talent = system.As((await system.SignInAsync("talent1", "applications")).AccessToken!))
        {
            Assert.Equal(HttpStatusCode.Created, (await talent.PostAsJsonAsync("/api/applications/enquiries", new { itemCode = Item, question }, ct)).StatusCode);
        }

        var browser = await system.BrowserAsync();
        var page = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);
        await page.GotoAsync("/");
        await PortalSession.SignInAsync(page, "staff-hr");
        await page.GotoAsync("/console");
        await page.Locator("#console-enquiries").ClickAsync();
        await page.WaitForURLAsync("**/console/enquiries");
        var asked = page.Locator("#enquiries > li", new() { HasText = question });
        await asked.GetByRole(AriaRole.Link, new() { Name = "答复此咨询" }).ClickAsync();
        await page.Locator("#answer-enquiry").ClickAsync();
        await Assertions.Expect(page.Locator("#answer-error")).ToBeVisibleAsync();
        await page.Locator("#answer").FillAsync("可以，教育部门的岗位也在推荐范围内。");
        await page.Locator("#answer-enquiry").ClickAsync();
        await page.WaitForURLAsync("**/console/enquiries?done=answered");
        await Assertions.Expect(page.Locator("#enquiries > li", new() { HasText = question })).ToContainTextAsync("教育部门的岗位也在推荐范围内");
        await PortalBrowser.ScreenshotAsync(page, "console-enquiries-zh-390");
        await page.Context.CloseAsync();

        var mine = await ConsoleCases.AsSeenByAsync(system, "talent1", "applications", "/api/applications/enquiries", ct);
        var answered = mine.EnumerateArray().Single(e => e.GetProperty("question").GetString() == question);
        Assert.Equal("可以，教育部门的岗位也在推荐范围内。", answered.GetProperty("answer").GetString());
        Assert.Contains("李强", answered.GetProperty("ownerName").GetString(), StringComparison.Ordinal);

        var sti = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await sti.GotoAsync("/");
        await PortalSession.SignInAsync(sti, "staff-sti");
        Assert.Equal(200, (await sti.GotoAsync("/console/enquiries"))?.Status);
        await Assertions.Expect(sti.Locator("#enquiries, #enquiries-empty").First).ToBeVisibleAsync();
        Assert.DoesNotContain(question, await sti.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await sti.Context.CloseAsync();
    }

    [Fact]
    public async Task The_console_pages_have_no_serious_accessibility_violation_in_Chinese_and_English_on_a_phone_and_a_desk()
    {
        var ct = TestContext.Current.CancellationToken;
        var (id, _, _) = await SubmittedCaseAsync(ct);
        var rectification = await ConsoleCases.BadReviewAsync(system, ct);
        var ticket = await ConsoleCases.TicketAsync(system, "配偶就业推荐的岗位范围？", ct);
        Guid draft;
        using (var hr = system.As((await system.SignInAsync("staff-hr", "applications")).AccessToken!))
        {
            // For enterprise1, whose drafts no browser test opens (talent1's apply page would take this draft up).
            var filed = await hr.PostAsJsonAsync("/api/applications", new { itemCode = Item, applicantId = "demo-enterprise1" }, ct);
            Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
            draft = (await filed.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        }

        var code = await ConsoleCatalogueTests.PublishedItemAsync(system, "SW", ct);
        var next = await ConsoleCatalogueTests.NextDraftAsync(system, code, submit: false, ct);

        SweptPage[] pages =
        [
            new("/console", Screenshot: "console-inbox"), new($"/console/cases/{id}", Screenshot: "console-case"), new("/console?status=overdue", Screenshot: "console-overdue"),
            new("/console/rectifications", Screenshot: "console-rectifications"), new($"/console/rectifications/{rectification}", Screenshot: "console-rectification"),
            new("/console/tickets?filter=open", Screenshot: "console-tickets"), new($"/console/tickets/{ticket}", Screenshot: "console-ticket"),
            new("/console/tickets/new", Screenshot: "console-ticket-walk-in"), new("/console/enquiries", Screenshot: "console-enquiries"),
            new("/console/window?q=%E5%BC%A0%E6%98%8E", Screenshot: "console-window"), new("/console/window?applicant=demo-talent1", Screenshot: "console-window-items"),
            new($"/console/window/{draft}", Screenshot: "console-window-form"),
            new("/console/catalogue", Screenshot: "console-catalogue"), new($"/console/catalogue/drafts/{next}", Screenshot: "console-draft"),
        ];
        var problems = await (await system.BrowserAsync()).SweepAsync(system.GatewayAddress, "staff-hr", pages);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task<string?> StateAsync(Guid id, CancellationToken ct) =>
        (await ConsoleCases.AsSeenByAsync(system, "talent1", "applications", $"/api/applications/{id}", ct)).GetProperty("state").GetString();
}
