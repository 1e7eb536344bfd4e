using Microsoft.Playwright;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>
/// First-ask responsibility (首问责任制) in the browser, through the gateway: a talent asks about a service on its page,
/// the lead department's staff member hands the question to a named colleague of another department, who answers; the
/// talent sees who owns it at each moment and the answer. Staff asked first at their window record the question and own it.
/// </summary>
public sealed class ConsoleEnquiryTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task A_talent_s_question_is_handed_to_a_named_colleague_elsewhere_who_answers_and_the_talent_sees_each_owner()
    {
        var browser = await system.BrowserAsync();
        var talent = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);
        await talent.GotoAsync("/");
        await PortalSession.SignInAsync(talent, "talent1");
        await talent.GotoAsync($"/items/{ConsoleCases.Item}");
        await talent.Locator("#ask-about-item").ClickAsync();
        await talent.WaitForURLAsync($"**/enquiries?item={ConsoleCases.Item}");
        await talent.Locator("#ask-enquiry").ClickAsync();
        await Assertions.Expect(talent.Locator("#ask-question-error")).ToBeVisibleAsync();
        var question = $"配偶是高校教师，可以推荐到园区企业吗？（{Guid.NewGuid().ToString("N")[..6]}）";
        await talent.Locator("#ask-question").FillAsync(question);
        await talent.Locator("#ask-enquiry").ClickAsync();
        await talent.WaitForURLAsync("**/enquiries?done=asked");
        var mine = talent.Locator("#my-enquiries li", new() { HasText = question });
        await Assertions.Expect(mine).ToContainTextAsync("待");

        var hr = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await hr.GotoAsync("/");
        await PortalSession.SignInAsync(hr, "staff-hr");
        await hr.GotoAsync("/console/enquiries");
        var row = hr.Locator("#enquiries li", new() { HasText = question });
        await row.Locator("a[id^='handover-']").ClickAsync();
        await hr.Locator("#handover-enquiry").ClickAsync();
        await Assertions.Expect(hr.Locator("#handover-note-error")).ToBeVisibleAsync();
        await hr.Locator("#handover-to").SelectOptionAsync("demo-staff-sti");
        await hr.Locator("#handover-note").FillAsync("高校人才引进由科技创新局王芳负责");
        await hr.Locator("#handover-enquiry").ClickAsync();
        await hr.WaitForURLAsync("**/console/enquiries?done=handedOver");
        await Assertions.Expect(hr.Locator("#enquiries li", new() { HasText = question })).ToContainTextAsync("王芳");
        await hr.Context.CloseAsync();

        await talent.GotoAsync("/enquiries");
        await Assertions.Expect(mine).ToContainTextAsync("现由 科技创新局 王芳");
        await Assertions.Expect(mine).ToContainTextAsync("高校人才引进由科技创新局王芳负责");

        var sti = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await sti.GotoAsync("/");
        await PortalSession.SignInAsync(sti, "staff-sti");
        await sti.GotoAsync("/console/enquiries");
        await sti.Locator("#enquiries li", new() { HasText = question }).Locator("a[id^='answer-']").ClickAsync();
        await sti.Locator("#answer").FillAsync("可以，高校教师可推荐至园区研发岗位。");
        await sti.Locator("#answer-enquiry").ClickAsync();
        await sti.WaitForURLAsync("**/console/enquiries?done=answered");

        // Asked first at the science bureau's window about the human-resources bureau's service: the receiver owns it.
        await sti.GotoAsync("/console/window?applicant=demo-talent1");
        await sti.Locator("#enquiry-channel-window").CheckAsync();
        await sti.Locator("#enquiry-item").FillAsync(ConsoleCases.Item);
        await sti.Locator("#enquiry-question").FillAsync("来访咨询：配偶社保如何转入？");
        await sti.Locator("#record-enquiry").ClickAsync();
        await sti.WaitForURLAsync("**/console/enquiries?done=received");
        await Assertions.Expect(sti.Locator("#enquiries li", new() { HasText = "配偶社保如何转入" }).First).ToContainTextAsync("负责人：科技创新局 王芳");
        await sti.Context.CloseAsync();

        await talent.GotoAsync("/enquiries");
        await Assertions.Expect(mine).ToContainTextAsync("可以，高校教师可推荐至园区研发岗位。");
        await PortalBrowser.ScreenshotAsync(talent, "enquiries-answered-zh-390");
        await talent.Context.CloseAsync();
    }
}
