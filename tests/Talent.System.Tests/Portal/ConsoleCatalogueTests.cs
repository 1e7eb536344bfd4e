using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>
/// Catalogue editing in the console, through the whole system: a department's staff member starts an item's next version
/// from the directory list, is told beside each field what is wrong (a number that is not one before anything reaches
/// the API; a committed limit above the statutory one and steps longer than it from the API), saves and submits; an
/// operator reads the field-by-field changes and returns it with a comment; the staff member, after a stale save is
/// refused keeping the typing, fixes and resubmits; the operator publishes and the directory shows the new version;
/// staff of another department cannot reach the draft by URL; the operator withdraws the item with a reason.
/// </summary>
public sealed class ConsoleCatalogueTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task Staff_edit_the_next_version_with_errors_beside_fields_an_operator_returns_then_publishes_it_and_another_department_cannot_reach_it()
    {
        var ct = TestContext.Current.CancellationToken;
        // An item of HRSS's of its own, sorted first in the department's list (by code): no other test edits it.
        var code = await PublishedItemAsync(system, "A0", ct);
        var browser = await system.BrowserAsync();
        var staff = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await staff.GotoAsync("/");
        await PortalSession.SignInAsync(staff, "staff-hr");
        await staff.Locator("#nav-console").ClickAsync();
        await staff.Locator("#console-catalogue").ClickAsync();
        await staff.WaitForURLAsync("**/console/catalogue");
        await staff.Locator($"#start-{code}").ClickAsync();
        await staff.WaitForURLAsync("**/console/catalogue/drafts/*?done=draft-started");
        var draftPath = new Uri(staff.Url).AbsolutePath;
        await Assertions.Expect(staff.Locator("#draft-state")).ToHaveTextAsync("草稿");
        await Assertions.Expect(staff.Locator("#no-changes")).ToBeVisibleAsync();

        // Enter in a field saves; it never hands the draft to review.
        await staff.Locator("#f-content-titleEn").FillAsync("Spouse employment (console)");
        await staff.Locator("#f-content-titleEn").PressAsync("Enter");
        await staff.WaitForURLAsync($"**{draftPath}?done=draft-saved");
        await Assertions.Expect(staff.Locator("#draft-state")).ToHaveTextAsync("草稿");

        // Not a number: said beside the field before anything reaches the API.
        await staff.Locator("#f-flowCard-statutoryLimitDays").FillAsync("二十");
        await staff.Locator("#save-draft").ClickAsync();
        await Assertions.Expect(staff.Locator("#f-flowCard-statutoryLimitDays-error")).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator("#error-summary a[href$='#f-flowCard-statutoryLimitDays']")).ToBeVisibleAsync();

        // The API's rules, each beside its field: a committed limit above the statutory one; a third step (the blank row)
        // that makes the counted steps longer than the committed limit, said on the steps as a whole.
        await staff.Locator("#f-flowCard-statutoryLimitDays").FillAsync("20");
        await staff.Locator("#f-flowCard-committedLimitDays").FillAsync("30");
        await staff.Locator("#f-flowCard-steps-2-nameZh").FillAsync("复核");
        await staff.Locator("#f-flowCard-steps-2-department").FillAsync("HRSS");
        await staff.Locator("#f-flowCard-steps-2-limitDays").FillAsync("2");
        await staff.Locator("#f-flowCard-steps-2-countsTowardLimit").CheckAsync();
        await staff.Locator("#save-draft").ClickAsync();
        await Assertions.Expect(staff.Locator("#f-flowCard-committedLimitDays-error")).ToContainTextAsync("承诺时限");
        Assert.Equal("30", await staff.Locator("#f-flowCard-committedLimitDays").InputValueAsync());
        Assert.Equal("复核", await staff.Locator("#f-flowCard-steps-2-nameZh").InputValueAsync());

        await staff.Locator("#f-flowCard-committedLimitDays").FillAsync("4");
        await staff.Locator("#save-draft").ClickAsync();
        await Assertions.Expect(staff.Locator("#f-flowCard-steps-error")).ToContainTextAsync("合计");
        await PortalBrowser.ScreenshotAsync(staff, "console-draft-errors-zh-1280");

        await staff.Locator("#f-flowCard-committedLimitDays").FillAsync("6");
        await staff.Locator("#submit-draft").ClickAsync();
        await staff.WaitForURLAsync($"**{draftPath}?done=draft-submitted");
        await Assertions.Expect(staff.Locator("#draft-state")).ToHaveTextAsync("审核中");
        await Assertions.Expect(staff.Locator("#in-review")).ToBeVisibleAsync();
        Assert.Equal(0, await staff.Locator("#draft-form").CountAsync());

        // The form gave back everything as it was, besides what was typed (the English title, the limit, the third step): no field changed by being shown and posted.
        using (var admin = system.As((await system.SignInAsync("operator1", "catalogue")).AccessToken!))
        {
            var changed = await admin.GetFromJsonAsync<JsonElement>($"/api/catalogue/drafts/{draftPath[(draftPath.LastIndexOf('/') + 1)..]}/changes", ct);
            Assert.Equal(
                ["flowCard.committedLimitDays", "flowCard.steps[2].countsTowardLimit", "flowCard.steps[2].department", "flowCard.steps[2].limitDays", "flowCard.steps[2].nameZh", "flowCard.steps[2].order", "titleEn"],
                changed.EnumerateArray().Select(c => c.GetProperty("path").GetString()).Order(StringComparer.Ordinal));
        }

        // Another department's staff: not in their list, not by URL.
        var sti = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);
        await sti.GotoAsync("/");
        await PortalSession.SignInAsync(sti, "staff-sti");
        Assert.Equal(404, (await sti.GotoAsync(draftPath))?.Status);
        Assert.Equal(200, (await sti.GotoAsync("/console/catalogue"))?.Status);
        Assert.DoesNotContain(code, await sti.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await sti.Context.CloseAsync();

        // The operator finds it in review, reads what changed, and returns it with a comment (none: said beside the field).
        var op = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await op.GotoAsync("/");
        await PortalSession.SignInAsync(op, "operator1");
        await op.GotoAsync("/console/catalogue?state=inReview");
        await op.Locator("#drafts").GetByRole(AriaRole.Link).Filter(new() { HasText = TitleOf(code) }).ClickAsync();
        await op.WaitForURLAsync($"**{draftPath}");
        var changes = op.Locator("#draft-changes");
        await Assertions.Expect(changes.Locator("tr", new() { HasText = "flowCard.committedLimitDays" })).ToContainTextAsync("6");
        await Assertions.Expect(changes.Locator("tr", new() { HasText = "flowCard.steps[2].nameZh" })).ToContainTextAsync("复核");
        await op.Locator("#return-draft").ClickAsync();
        await Assertions.Expect(op.Locator("#return-draft-comment-error")).ToBeVisibleAsync();
        await op.Locator("#return-draft-comment").FillAsync("复核环节不计入承诺时限，请改正。");
        await op.Locator("#return-draft").ClickAsync();
        await op.WaitForURLAsync($"**{draftPath}?done=draft-returned");
        await Assertions.Expect(op.Locator("#draft-state")).ToHaveTextAsync("草稿");

        // Back with staff, who read the comment; somebody saves the draft meanwhile: the save is refused, the typing kept.
        await staff.GotoAsync(draftPath);
        await Assertions.Expect(staff.Locator("#return-comment")).ToContainTextAsync("复核环节不计入承诺时限");
        await staff.Locator("#f-flowCard-steps-2-countsTowardLimit").UncheckAsync();
        await staff.Locator("#f-flowCard-committedLimitDays").FillAsync("5");
        await SaveBehindTheFormAsync(system, draftPath, ct);
        await staff.Locator("#submit-draft").ClickAsync();
        await Assertions.Expect(staff.Locator("#error-summary")).ToContainTextAsync("他人已保存");
        Assert.Equal("5", await staff.Locator("#f-flowCard-committedLimitDays").InputValueAsync());
        await staff.Locator("#submit-draft").ClickAsync();
        await staff.WaitForURLAsync($"**{draftPath}?done=draft-submitted");

        await op.GotoAsync(draftPath);
        await op.Locator("#publish-draft").ClickAsync();
        await op.WaitForURLAsync($"**{draftPath}?done=draft-published");
        await Assertions.Expect(op.Locator("#draft-state")).ToHaveTextAsync("已发布");

        var item = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/catalogue/items/{code}", ct);
        Assert.Equal(2, item.GetProperty("version").GetInt32());
        var card = item.GetProperty("flowCard");
        Assert.Equal(5, card.GetProperty("committedLimitDays").GetInt32());
        var steps = card.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(("复核", false), (steps[2].GetProperty("nameZh").GetString(), steps[2].GetProperty("countsTowardLimit").GetBoolean()));
        await staff.GotoAsync($"/items/{code}");
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("复核");
        await staff.Context.CloseAsync();

        // Withdrawn by the operator, with a reason (none: said beside the field).
        await op.GotoAsync($"/console/catalogue/items/{code}/withdraw");
        await op.Locator("#withdraw-item").ClickAsync();
        await Assertions.Expect(op.Locator("#withdraw-reason-error")).ToBeVisibleAsync();
        await op.Locator("#withdraw-reason").FillAsync("测试：政策调整，事项合并");
        await op.Locator("#withdraw-item").ClickAsync();
        await op.WaitForURLAsync("**/console/catalogue?done=item-withdrawn");
        Assert.Equal(HttpStatusCode.NotFound, (await system.Gateway.GetAsync($"/api/catalogue/items/{code}", ct)).StatusCode);
        await op.Context.CloseAsync();
    }

    /// <summary>A new HRSS item (code <paramref name="prefix"/>-…), drafted by staff-hr and published by operator1.</summary>
    public static async Task<string> PublishedItemAsync(SystemFixture system, string prefix, CancellationToken ct)
    {
        var code = CatalogueSamples.NewCode(prefix);
        using var staff = system.As((await system.SignInAsync("staff-hr", "catalogue")).AccessToken!);
        using var admin = system.As((await system.SignInAsync("operator1", "catalogue")).AccessToken!);
        await CatalogueSamples.PublishAsync(staff, admin, CatalogueSamples.Draft(code, titleZh: TitleOf(code)), ct);
        return code;
    }

    /// <summary>The next version's draft of an item staff-hr's department leads (<paramref name="submit"/>: in review); its id.</summary>
    public static async Task<Guid> NextDraftAsync(SystemFixture system, string code, bool submit, CancellationToken ct)
    {
        using var staff = system.As((await system.SignInAsync("staff-hr", "catalogue")).AccessToken!);
        using var started = await staff.PostAsync($"/api/catalogue/items/{code}/drafts", null, ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        if (submit)
        {
            using var submitted = await staff.PostAsync($"/api/catalogue/drafts/{id}/submit", null, ct);
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        }

        return id;
    }

    private static string TitleOf(string code) => $"人才配偶就业（{code}）";

    /// <summary>Another save of the draft (as staff-hr through the API), over its current revision, as it is.</summary>
    private static async Task SaveBehindTheFormAsync(SystemFixture system, string draftPath, CancellationToken ct)
    {
        var id = draftPath[(draftPath.LastIndexOf('/') + 1)..];
        using var staff = system.As((await system.SignInAsync("staff-hr", "catalogue")).AccessToken!);
        using var current = await staff.GetAsync($"/api/catalogue/drafts/{id}", ct);
        var draft = await current.Content.ReadFromJsonAsync<JsonElement>(ct);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/catalogue/drafts/{id}")
        {
            Content = JsonContent.Create(new { content = draft.GetProperty("content"), flowCard = draft.GetProperty("flowCard") }),
        };
        put.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.Tag);
        using var saved = await staff.SendAsync(put, ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }
}
