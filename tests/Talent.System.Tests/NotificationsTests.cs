using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Talent.SystemTests.Portal;
using Talent.Testing;
using Xunit;
using static Talent.SystemTests.ApplyingTests;

namespace Talent.SystemTests;

/// <summary>
/// Notifications through the whole system: staff return talent1's application for supplement; talent1 finds it in the
/// inbox (API and portal page) in Chinese, the mail server of the AppHost (smtp4dev, where it runs one) received the
/// e-mail, and marking it read on the page reads it.
/// </summary>
public sealed class NotificationsTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task A_return_for_supplement_reaches_the_applicant_in_the_portal_inbox_and_by_email_and_is_marked_read_on_the_page()
    {
        var ct = TestContext.Current.CancellationToken;
        using var talent = system.As((await system.SignInAsync("talent1", "applications")).AccessToken!);
        var id = (await DraftAsync(system, talent, ct)).GetProperty("id").GetString()!;
        var answers = new { contactName = "张明", contactPhone = "13800000000", spouseName = "王丽", preferredSectors = new[] { "enterprise" } };
        Assert.Equal(HttpStatusCode.OK, (await talent.PutAsJsonAsync($"/api/applications/{id}", new { answers }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(talent, id, "resume", Pdf, "cv.pdf", ct)).StatusCode);
        var submitted = await SubmitAsync(talent, id, "k-" + id, ct);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var reference = (await submitted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("reference").GetString()!;
        using var hr = system.As((await system.SignInAsync("staff-hr", "applications")).AccessToken!);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsJsonAsync($"/api/applications/{id}/return", new { note = "请补充学历证明 Please add your degree certificate." }, ct)).StatusCode);

        // The inbox entry, in talent1's language (Chinese), names the case and says what to do.
        using var inbox = system.As((await system.SignInAsync("talent1", "notifications")).AccessToken!);
        JsonElement entry = default;
        await Eventually.UntilAsync(async () =>
        {
            var page = await inbox.GetFromJsonAsync<JsonElement>("/api/notifications/mine?pageSize=100", ct);
            entry = page.GetProperty("items").EnumerateArray().FirstOrDefault(n => n.GetProperty("reference").GetString() == reference);
            return entry.ValueKind == JsonValueKind.Object;
        }, Deadline, "the notification in talent1's inbox");
        Assert.Equal("supplementRequested", entry.GetProperty("kind").GetString());
        Assert.Equal("zh-CN", entry.GetProperty("language").GetString());
        Assert.Equal($"申请 {reference} 需补正材料", entry.GetProperty("title").GetString());
        Assert.Contains("请补充学历证明", entry.GetProperty("body").GetString());

        var preferences = await inbox.GetFromJsonAsync<JsonElement>("/api/notifications/preferences", ct);
        var email = preferences.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "email");
        if (RunningSystem.InContainers)
        {
            // The AppHost runs smtp4dev beside the services: the mail to talent1's demonstration address is there.
            Assert.True(email.GetProperty("available").GetBoolean());
            using var mail = new HttpClient { BaseAddress = system.App.GetEndpoint("mail", "http") };
            await Eventually.UntilAsync(async () => (await mail.GetStringAsync("/api/messages", ct)).Contains(reference, StringComparison.Ordinal), Deadline, "the e-mail at smtp4dev");
            Assert.Contains("talent1@demo.talent.example", await mail.GetStringAsync("/api/messages", ct));
        }
        else
        {
            // External infrastructure without SMTP settings: no mail server, and the person is told e-mail is off.
            Assert.False(email.GetProperty("available").GetBoolean());
        }

        // The portal's page shows it unread; marking it read there reads it.
        var browser = await system.BrowserAsync();
        var portal = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await portal.GotoAsync("/");
        await PortalSession.SignInAsync(portal, "talent1");
        await portal.GotoAsync("/notifications");
        var item = portal.Locator($"#notification-{entry.GetProperty("id").GetGuid():N}");
        await Assertions.Expect(item).ToContainTextAsync($"申请 {reference} 需补正材料");
        await Assertions.Expect(item).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("unread"));
        await portal.Locator($"#read-{entry.GetProperty("id").GetGuid():N}").ClickAsync();
        await portal.WaitForURLAsync("**/notifications?done=read");
        await Assertions.Expect(portal.Locator($"#notification-{entry.GetProperty("id").GetGuid():N}")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("unread"));
        var after = await inbox.GetFromJsonAsync<JsonElement>("/api/notifications/mine?pageSize=100", ct);
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("reference").GetString() == reference).GetProperty("readAt").ValueKind);
        await PortalBrowser.ScreenshotAsync(portal, "notifications-zh-1280");
    }
}
