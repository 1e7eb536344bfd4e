using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>
/// The working-day calendar in the operators' console, through the whole system: a year is entered with each wrong date
/// said beside its field (a line that is not a date, a make-up day on a weekday, no source), saved, and read back from
/// the API; a save over a year somebody changed meanwhile is refused until made again, keeping what was typed; staff are
/// refused the page. Year 2031: no other test counts deadlines in it.
/// </summary>
public sealed class ConsoleCalendarTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task An_operator_enters_a_year_with_each_wrong_date_said_beside_its_field_and_a_stale_save_is_refused_until_made_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await system.BrowserAsync();
        var page = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await page.GotoAsync("/");
        await PortalSession.SignInAsync(page, "operator1");
        await page.Locator("#nav-console").ClickAsync();
        await page.Locator("#console-calendar").ClickAsync();
        await page.WaitForURLAsync("**/console/calendar");
        await page.GotoAsync("/console/calendar?year=2031");
        await Assertions.Expect(page.Locator("#calendar-state")).ToContainTextAsync("尚未录入");

        // A line that is not a date, before anything reaches the API.
        await page.Locator("#calendar-holidays").FillAsync("2031-10-01\n2031-13-01");
        await page.Locator("#save-calendar").ClickAsync();
        await Assertions.Expect(page.Locator("#calendar-holidays-error")).ToContainTextAsync("2031-13-01");
        await Assertions.Expect(page.Locator("#calendar-source-error")).ToBeVisibleAsync();

        // A make-up working day on a Monday: the API refuses it, said beside its field; what was typed stays.
        await page.Locator("#calendar-holidays").FillAsync("2031-10-01\n2031-10-02\n2031-10-03");
        await page.Locator("#calendar-workdays").FillAsync("2031-10-06");
        await page.Locator("#calendar-source").FillAsync("测试：2031 年国庆节安排");
        await page.Locator("#save-calendar").ClickAsync();
        await Assertions.Expect(page.Locator("#calendar-workdays-error")).ToBeVisibleAsync();
        Assert.Equal("2031-10-06", await page.Locator("#calendar-workdays").InputValueAsync());

        await page.Locator("#calendar-workdays").FillAsync("2031-09-28\n2031-10-11");
        await page.Locator("#save-calendar").ClickAsync();
        await page.WaitForURLAsync("**/console/calendar?year=2031&done=calendar-saved");
        await Assertions.Expect(page.Locator("#calendar-state")).ToContainTextAsync("第 1 版");
        var year = await system.Gateway.GetFromJsonAsync<JsonElement>("/api/applications/calendar/2031", ct);
        Assert.Equal(["2031-10-01", "2031-10-02", "2031-10-03"], year.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["2031-09-28", "2031-10-11"], year.GetProperty("makeUpWorkdays").EnumerateArray().Select(d => d.GetString()));

        // Somebody else saves the year while the form is open at revision 1: the save is refused, the typing kept.
        using (var api = system.As((await system.SignInAsync("operator1", "applications")).AccessToken!))
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, "/api/applications/calendar/2031")
            {
                Content = JsonContent.Create(new { holidays = new[] { "2031-10-01" }, makeUpWorkdays = Array.Empty<string>(), source = "另一位运营人员" }),
            };
            put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(put, ct)).StatusCode);
        }

        await page.Locator("#calendar-source").FillAsync("测试：国务院办公厅通知（修订）");
        await page.Locator("#save-calendar").ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("他人保存");
        Assert.Equal("测试：国务院办公厅通知（修订）", await page.Locator("#calendar-source").InputValueAsync());
        await page.Locator("#save-calendar").ClickAsync();
        await page.WaitForURLAsync("**/console/calendar?year=2031&done=calendar-saved");
        await Assertions.Expect(page.Locator("#calendar-state")).ToContainTextAsync("第 3 版");
        year = await system.Gateway.GetFromJsonAsync<JsonElement>("/api/applications/calendar/2031", ct);
        Assert.Equal("测试：国务院办公厅通知（修订）", year.GetProperty("source").GetString());
        Assert.Equal(3, year.GetProperty("holidays").GetArrayLength());
        await PortalBrowser.ScreenshotAsync(page, "console-calendar-zh-1280");
        await page.Context.CloseAsync();

        var staff = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);
        await staff.GotoAsync("/");
        await PortalSession.SignInAsync(staff, "staff-hr");
        Assert.Equal(403, (await staff.GotoAsync("/console/calendar"))?.Status);
        await staff.Context.CloseAsync();
    }
}
