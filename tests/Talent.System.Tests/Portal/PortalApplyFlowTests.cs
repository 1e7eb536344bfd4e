using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Talent.Testing;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>
/// A talent's whole errand in the browser, through the gateway: found in everyday Chinese, applied for with an upload,
/// decided by the department (through its API), the decision read on the case page, the service rated.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class PortalApplyFlowTests(SystemFixture system)
{
    private const string Item = "SPOUSE-EMPLOYMENT";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% portal CV\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    private static FilePayload Resume => new() { Name = "简历.pdf", MimeType = "application/pdf", Buffer = Pdf };

    [Fact]
    public async Task A_talent_finds_the_service_in_everyday_words_applies_with_an_upload_reads_the_decision_and_rates_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await Eventually.UntilAsync(async () => (await system.Gateway.GetAsync($"/api/applications/catalogue/{Item}", ct)).IsSuccessStatusCode, Deadline, "the demonstration item in applications");
        var browser = await system.BrowserAsync();
        var page = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);

        await page.GotoAsync("/");
        await page.GetByLabel("您想办什么事？").FillAsync("爱人工作");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "人才配偶就业一件事" }).ClickAsync();
        await page.Locator($"a.button[href='/apply/{Item}']").ClickAsync();

        // Applying needs a session: the identity's page, then straight back to the form.
        await page.WaitForURLAsync("**/identity/account/login**");
        await page.Locator("#userName").FillAsync("talent1");
        await page.Locator("#password").FillAsync("Talent#2026");
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/apply/{Item}");
        Assert.Contains("PDF", await page.Locator("#upload-limits").InnerTextAsync()); // the limits, before anything is chosen
        await PortalBrowser.ScreenshotAsync(page, "apply-zh-390");

        await page.Locator("#answer-contactName").FillAsync("张明");
        await page.Locator("#answer-contactPhone").FillAsync("13800000000");
        await page.Locator("#answer-spouseName").FillAsync("王丽");
        await page.Locator("#answer-preferredSectors input[value=enterprise]").CheckAsync();
        await page.Locator("#file-resume").SetInputFilesAsync(Resume);
        await page.Locator("#submit-application").ClickAsync();

        await page.WaitForURLAsync("**/cases/*?done=submitted");
        var id = Guid.Parse(new Uri(page.Url).Segments[^1]);
        Assert.Matches("TA-20[0-9]{2}-[0-9]{6}", await page.Locator("main").InnerTextAsync()); // the reference, to quote
        await PortalBrowser.ScreenshotAsync(page, "case-submitted-zh-390");

        // What the browser sent is what the department sees: the answers and the very file.
        using var hr = system.As((await system.SignInAsync("staff-hr", "applications")).AccessToken!);
        var submitted = await hr.GetFromJsonAsync<JsonElement>($"/api/applications/{id}", ct);
        Assert.Equal("Submitted", submitted.GetProperty("state").GetString());
        Assert.Equal("王丽", submitted.GetProperty("answers").GetProperty("spouseName").GetString());
        var resume = submitted.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("code").GetString() == "resume");
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), resume.GetProperty("sha256").GetString());

        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/applications/{id}/accept", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/applications/{id}/steps/1/complete", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/applications/{id}/steps/2/complete", null, ct)).StatusCode);
        const string decision = "同意推荐至两家企业面试";
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsJsonAsync($"/api/applications/{id}/decide", new { approved = true, decision }, ct)).StatusCode);

        await page.GotoAsync($"/cases/{id}");
        Assert.Contains(decision, await page.Locator("#case-decision").InnerTextAsync());
        Assert.Contains("李强", await page.Locator("main").InnerTextAsync()); // the owner who accepted it, by name
        await PortalBrowser.ScreenshotAsync(page, "case-decided-zh-390");

        // The invitation to rate travels as an event; the rating page opens once it has arrived.
        using var rater = system.As((await system.SignInAsync("talent1", "feedback")).AccessToken!);
        await Eventually.UntilAsync(
            async () => (await rater.GetFromJsonAsync<JsonElement>("/api/feedback/invitations/mine", ct)).EnumerateArray().Any(i => i.GetProperty("subjectId").GetString() == id.ToString()),
            Deadline, "the invitation to rate at the feedback service");
        await page.Locator("#rate-case").ClickAsync();
        await page.Locator("#level-satisfied").CheckAsync();
        await page.Locator("#score-efficiency-5").CheckAsync();
        await page.Locator("#comment").FillAsync("线上办理，一次都没跑");
        await PortalBrowser.ScreenshotAsync(page, "rate-zh-390");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await page.WaitForURLAsync("**/feedback?done=rated");

        var rated = (await rater.GetFromJsonAsync<JsonElement>("/api/feedback/evaluations/mine", ct)).EnumerateArray()
            .Single(e => e.GetProperty("subjectId").GetString() == id.ToString());
        Assert.Equal("satisfied", rated.GetProperty("level").GetString());
        Assert.Equal(5, rated.GetProperty("scores").GetProperty("efficiency").GetInt32());
        Assert.Equal("线上办理，一次都没跑", rated.GetProperty("comment").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_apply_form_is_usable_by_keyboard_alone_and_a_missing_answer_is_named_beside_its_field()
    {
        await Eventually.UntilAsync(async () => (await system.Gateway.GetAsync($"/api/applications/catalogue/{Item}", TestContext.Current.CancellationToken)).IsSuccessStatusCode, Deadline, "the demonstration item in applications");
        var browser = await system.BrowserAsync();
        var page = await browser.OpenAsync(system.GatewayAddress, "en", PortalBrowser.Sizes[1]);
        await page.GotoAsync("/");
        await PortalSession.SignInAsync(page, "talent1");
        await page.GotoAsync($"/apply/{Item}");

        // Tab from the top of the page reaches every answer, the file input and the submit button, in reading order (the
        // contact name, which a draft of an earlier visit may hold, is emptied on the way).
        var expected = new List<string> { "answer-contactName", "answer-contactPhone", "answer-spouseName", "file-resume", "submit-application" };
        var reached = new List<string>();
        for (var press = 0; press < 120 && reached.Count < expected.Count; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await FocusedAsync(page);
            if (expected.Contains(focused) && !reached.Contains(focused))
            {
                reached.Add(focused);
            }

            if (focused == "answer-contactName")
            {
                await page.Keyboard.PressAsync("Control+A");
                await page.Keyboard.PressAsync("Backspace");
            }
        }

        Assert.Equal(expected, reached);

        // Enter on the submit button: the contact name is missing, said at the top (which takes the focus) and beside the field.
        await page.Locator("#submit-application").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var summary = page.Locator(".error-summary");
        await summary.WaitForAsync();
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#answer-contactName-error").InnerTextAsync()));
        Assert.Equal("true", await page.Locator("#answer-contactName").GetAttributeAsync("aria-invalid"));
        await Eventually.UntilAsync(async () => await FocusedAsync(page) == "error-summary", TimeSpan.FromSeconds(5), "the error summary taking the focus");

        // Tab to the summary's first link, Enter: the caret is in the field, where typing fixes it.
        await page.Keyboard.PressAsync("Tab");
        Assert.EndsWith("#answer-contactName", await page.EvaluateAsync<string>("() => document.activeElement?.getAttribute('href') ?? ''"), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("answer-contactName", await FocusedAsync(page));
        await page.Keyboard.TypeAsync("Zhang Ming");
        Assert.Equal("Zhang Ming", await page.Locator("#answer-contactName").InputValueAsync());
        Assert.Empty(await PortalBrowser.SeriousViolationsAsync(page));
        await PortalBrowser.ScreenshotAsync(page, "apply-errors-en-1280");
        await page.Context.CloseAsync();
    }

    private static Task<string> FocusedAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");
}
