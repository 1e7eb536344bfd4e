using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Talent.Testing;
using Xunit;
using static Talent.SystemTests.Portal.ConsoleCases;

namespace Talent.SystemTests.Portal;

/// <summary>
/// Filing at the service window and handing a case over, in the console through the whole system: a staff member finds a
/// walk-in applicant by name, files the department's service for them and submits what they brought; the case is the
/// applicant's, filed at the window, owned by the filer; it is handed over to a colleague picked from the list of the
/// staff of the departments it involves. A name too short to search by is said beside its field.
/// </summary>
public sealed class ConsoleWindowTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task A_walk_in_applicant_is_found_by_name_filed_for_at_the_window_and_the_case_handed_over_to_a_colleague_from_the_list()
    {
        var ct = TestContext.Current.CancellationToken;
        await Eventually.UntilAsync(async () => (await system.Gateway.GetAsync($"/api/applications/catalogue/{Item}", ct)).IsSuccessStatusCode, Deadline, "the demonstration item in applications");
        // A second HRSS staff member, to hand the case over to (the demonstration has one per department).
        var userName = "staff-hr-" + Guid.NewGuid().ToString("N")[..6];
        string colleague;
        using (var admin = system.As((await system.SignInAsync("operator1", "identity")).AccessToken!))
        {
            var created = await admin.PostAsJsonAsync("/identity/api/users", new { userName, displayName = $"人力社保局 赵敏 {userName}", password = "Valid#2026pass", roles = new[] { "staff" }, departmentCode = "HRSS" }, ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            colleague = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
        }

        var browser = await system.BrowserAsync();
        var page = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await page.GotoAsync("/");
        await PortalSession.SignInAsync(page, "staff-hr");
        await page.Locator("#nav-console").ClickAsync();
        await page.Locator("#console-window").ClickAsync();
        await page.WaitForURLAsync("**/console/window");

        // One character is not enough to look a person up; the name is.
        await page.Locator("#window-q").FillAsync("张");
        await page.Locator("#find-applicant").ClickAsync();
        await Assertions.Expect(page.Locator("#window-q-error")).ToBeVisibleAsync();
        await page.Locator("#window-q").FillAsync("张明");
        await page.Locator("#find-applicant").ClickAsync();
        await page.Locator("#choose-demo-talent1").ClickAsync();
        await Assertions.Expect(page.Locator("#window-applicant")).ToContainTextAsync("张明");

        // Starting without a service is refused beside the list; then the department's service.
        await page.Locator("#start-filing").ClickAsync();
        await Assertions.Expect(page.Locator("#window-item-error")).ToBeVisibleAsync();
        await page.Locator("#window-item").SelectOptionAsync(Item);
        await page.Locator("#start-filing").ClickAsync();
        await page.WaitForURLAsync("**/console/window/*?done=started");
        var id = Guid.Parse(new Uri(page.Url).Segments[^1].TrimEnd('/'));
        await PortalBrowser.ScreenshotAsync(page, "console-window-form-zh-1280");

        await page.Locator("#answer-contactName").FillAsync("张明");
        await page.Locator("#answer-contactPhone").FillAsync("13800000000");
        await page.Locator("#answer-spouseName").FillAsync("王丽");
        await page.Locator("#answer-preferredSectors input[value=enterprise]").CheckAsync();
        await page.Locator("#file-resume").SetInputFilesAsync(new FilePayload { Name = "cv.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.Locator("#submit-application").ClickAsync();
        await page.WaitForURLAsync($"**/console/cases/{id}?done=submitted");
        await Assertions.Expect(page.Locator("#case-notice")).ToBeVisibleAsync();

        var filed = await AsSeenByAsync(system, "talent1", "applications", $"/api/applications/{id}", ct);
        Assert.Equal("Submitted", filed.GetProperty("state").GetString());
        Assert.Equal("window", filed.GetProperty("channel").GetString());
        Assert.Equal("demo-talent1", filed.GetProperty("applicantId").GetString());
        Assert.Equal("demo-staff-hr", filed.GetProperty("owner").GetProperty("id").GetString());

        // The colleague reaches applications' people directory through an event: the list shows them once it has.
        await page.Locator("#accept-case").ClickAsync();
        await page.WaitForURLAsync($"**/console/cases/{id}?done=accepted");
        var option = page.Locator($"#handover-to option[value='{colleague}']");
        await Eventually.UntilAsync(
            async () =>
            {
                await page.ReloadAsync();
                return await option.CountAsync() == 1;
            },
            Deadline,
            "the new colleague in the hand-over list");
        Assert.Equal(0, await page.Locator("#handover-to option[value='demo-staff-hr']").CountAsync());
        await page.Locator("#handover-to").SelectOptionAsync(colleague);
        await page.Locator("#handover-reason").FillAsync("申请人预约了赵敏的窗口");
        await page.Locator("#handover-case").ClickAsync();
        await page.WaitForURLAsync($"**/console/cases/{id}?done=handedover");
        var handed = await AsSeenByAsync(system, "talent1", "applications", $"/api/applications/{id}", ct);
        Assert.Equal(colleague, handed.GetProperty("owner").GetProperty("id").GetString());
        await page.Context.CloseAsync();
    }
}
