using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Talent.Testing;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>
/// The one-stop complex in the browser, through the gateway: a talent books the roadshow hall (a missing purpose named
/// beside its field), an operator confirms it in the console, the talent is told and sees it confirmed, and cancels it.
/// The new pages have no serious accessibility violation.
/// </summary>
public sealed class PortalComplexTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task A_talent_books_the_roadshow_hall_an_operator_confirms_it_the_talent_is_told_and_cancels_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await system.BrowserAsync();
        var talent = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);
        await talent.GotoAsync("/");
        await PortalSession.SignInAsync(talent, "talent1");
        await talent.GotoAsync("/cases");
        await talent.Locator("#complex-link").ClickAsync();
        await talent.WaitForURLAsync("**/complex");

        // A working day some weeks ahead, at a random hour, so reruns on one system do not collide.
        // The venue's day says whether it is a working day in the zone's calendar (holidays, make-up days).
        using var applications = system.As((await system.SignInAsync("talent1", "applications")).AccessToken!);
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(20 + Random.Shared.Next(20));
        while (!(await applications.GetFromJsonAsync<JsonElement>($"/api/applications/complex/venues/ROADSHOW/day/{day:yyyy-MM-dd}", ct)).GetProperty("workingDay").GetBoolean())
        {
            day = day.AddDays(1);
        }

        await talent.Locator("#book-venue").SelectOptionAsync("ROADSHOW");
        await talent.Locator("#book-day").FillAsync(day.ToString("yyyy-MM-dd"));
        await talent.Locator("#book-start").SelectOptionAsync((9 + Random.Shared.Next(6)).ToString());
        await talent.Locator("#book-attendees").FillAsync("60");
        await talent.Locator("#book-venue-button").ClickAsync();
        await Assertions.Expect(talent.Locator("#book-purpose-error")).ToBeVisibleAsync();
        await talent.Locator("#book-purpose").FillAsync("智能网联汽车项目融资路演");
        await talent.Locator("#book-venue-button").ClickAsync();
        await talent.WaitForURLAsync("**/complex?done=requested");
        var mine = talent.Locator("#my-bookings li", new() { HasText = "智能网联汽车项目融资路演" }).First;
        await Assertions.Expect(mine).ToContainTextAsync("待确认");

        var op = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await op.GotoAsync("/");
        await PortalSession.SignInAsync(op, "operator1");
        await op.GotoAsync("/console/complex");
        await op.Locator("#bookings li", new() { HasText = "智能网联汽车项目融资路演" }).First.Locator("a[id^='decide-']").ClickAsync();
        await op.Locator("#confirm-yes").CheckAsync();
        await op.Locator("#decide-booking").ClickAsync();
        await op.WaitForURLAsync("**/console/complex?done=bookingConfirmed");
        await op.Context.CloseAsync();

        using var inbox = system.As((await system.SignInAsync("talent1", "notifications")).AccessToken!);
        await Eventually.UntilAsync(
            async () => (await inbox.GetFromJsonAsync<JsonElement>("/api/notifications/mine?pageSize=100", ct)).GetProperty("items").EnumerateArray()
                .Any(n => n.GetProperty("kind").GetString() == "bookingDecided"),
            TimeSpan.FromSeconds(30), "the booking's confirmation in talent1's notifications");

        await talent.GotoAsync("/complex");
        await Assertions.Expect(mine).ToContainTextAsync("已确认");
        await mine.Locator("button[id^='cancel-']").ClickAsync();
        await talent.WaitForURLAsync("**/complex?done=cancelled");
        await Assertions.Expect(talent.Locator("#my-bookings li", new() { HasText = "智能网联汽车项目融资路演" }).First).ToContainTextAsync("已取消");
        await talent.Context.CloseAsync();

        var problems = await browser.SweepAsync(system.GatewayAddress, "talent1", [new("/complex", Screenshot: "complex")]);
        problems = [.. problems, .. await browser.SweepAsync(system.GatewayAddress, "operator1", [new("/console/complex", Screenshot: "console-complex")])];
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
