using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>
/// The catalogue's reference data in the operators' console, through the whole system: a department and a policy are
/// added with each refusal beside its field (a date that is not one before anything is sent; a policy expiring before it
/// takes effect, from the API), then changed; the synonym list is extended, a line of one word refused naming the line,
/// and a stale save refused keeping the typing. Alone: the synonym list is one for the whole system.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class ConsoleReferenceTests(SystemFixture system)
{
    [Fact]
    public async Task An_operator_adds_and_changes_a_department_and_a_policy_and_extends_the_synonyms_with_each_refusal_beside_its_field()
    {
        var ct = TestContext.Current.CancellationToken;
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var department = $"TD{suffix}";
        var browser = await system.BrowserAsync();
        var op = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await op.GotoAsync("/");
        await PortalSession.SignInAsync(op, "operator1");
        await op.Locator("#nav-console").ClickAsync();
        await op.Locator("#console-reference").ClickAsync();
        await op.WaitForURLAsync("**/console/reference");

        await op.Locator("#new-department").ClickAsync();
        await op.Locator("#department-code").FillAsync("td");
        await op.Locator("#save-department").ClickAsync();
        await Assertions.Expect(op.Locator("#department-code-error")).ToBeVisibleAsync();
        await Assertions.Expect(op.Locator("#department-nameZh-error")).ToBeVisibleAsync();
        await op.Locator("#department-code").FillAsync(department);
        await op.Locator("#department-nameZh").FillAsync("测试局");
        await op.Locator("#save-department").ClickAsync();
        await op.WaitForURLAsync("**/console/reference?done=department-saved");
        // A new department with a code that exists is refused beside the code: it never replaces that department.
        await op.Locator("#new-department").ClickAsync();
        await op.Locator("#department-code").FillAsync(department);
        await op.Locator("#department-nameZh").FillAsync("另一个测试局");
        await op.Locator("#save-department").ClickAsync();
        await Assertions.Expect(op.Locator("#department-code-error")).ToContainTextAsync("已存在");
        await op.GotoAsync("/console/reference");
        await op.Locator($"#departments a:text-is('{department}')").ClickAsync();
        Assert.Equal("测试局", await op.Locator("#department-nameZh").InputValueAsync());
        await op.Locator("#department-phone").FillAsync("023-68123456");
        await op.Locator("#save-department").ClickAsync();
        await op.WaitForURLAsync("**/console/reference?done=department-saved");
        var departments = await system.Gateway.GetFromJsonAsync<JsonElement>("/api/catalogue/departments", ct);
        Assert.Equal("023-68123456", departments.EnumerateArray().Single(d => d.GetProperty("code").GetString() == department).GetProperty("phone").GetString());

        var policy = $"POL-TEST-{suffix}";
        await op.Locator("#new-policy").ClickAsync();
        await op.Locator("#policy-code").FillAsync(policy);
        await op.Locator("#policy-titleZh").FillAsync("测试政策（控制台）");
        await op.Locator("#policy-issuingDepartment").FillAsync(department);
        await op.Locator("#policy-effectiveFrom").FillAsync("2026-13-01");
        await op.Locator("#save-policy").ClickAsync();
        await Assertions.Expect(op.Locator("#policy-effectiveFrom-error")).ToContainTextAsync("2026-13-01");
        await op.Locator("#policy-effectiveFrom").FillAsync("2026-12-01");
        await op.Locator("#policy-expiresOn").FillAsync("2026-01-01");
        await op.Locator("#save-policy").ClickAsync();
        await Assertions.Expect(op.Locator("#policy-expiresOn-error")).ToContainTextAsync("失效日期");
        Assert.Equal("测试政策（控制台）", await op.Locator("#policy-titleZh").InputValueAsync());
        await op.Locator("#policy-expiresOn").FillAsync("2030-12-31");
        await op.Locator("#save-policy").ClickAsync();
        await op.WaitForURLAsync("**/console/reference?done=policy-saved");
        var saved = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/catalogue/policies/{policy}", ct);
        Assert.Equal((department, "2030-12-31"), (saved.GetProperty("issuingDepartment").GetString(), saved.GetProperty("expiresOn").GetString()));

        // The synonyms: a group of one word is refused, naming its line; a stale save keeps the typing.
        await op.Locator("#reference-synonyms").ClickAsync();
        await op.WaitForURLAsync("**/console/synonyms");
        var before = await op.Locator("#synonyms-groups").InputValueAsync();
        var lines = before.Split('\n').Length;
        var word = $"测试词{suffix}";
        await op.Locator("#synonyms-groups").FillAsync($"{before}\n{word}");
        await op.Locator("#save-synonyms").ClickAsync();
        await Assertions.Expect(op.Locator("#synonyms-groups-error")).ToContainTextAsync($"第 {lines + 1} 行");

        using (var admin = system.As((await system.SignInAsync("operator1", "catalogue")).AccessToken!))
        {
            using var current = await admin.GetAsync("/api/catalogue/synonyms", ct);
            var groups = (await current.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("groups");
            using var put = new HttpRequestMessage(HttpMethod.Put, "/api/catalogue/synonyms") { Content = JsonContent.Create(new { groups }) };
            put.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.Tag);
            using var behind = await admin.SendAsync(put, ct);
            Assert.Equal(HttpStatusCode.OK, behind.StatusCode);
        }

        await op.Locator("#synonyms-groups").FillAsync($"{before}\n{word}，测试同义{suffix}");
        await op.Locator("#save-synonyms").ClickAsync();
        await Assertions.Expect(op.Locator("#error-summary")).ToContainTextAsync("他人已保存");
        Assert.EndsWith($"{word}，测试同义{suffix}", await op.Locator("#synonyms-groups").InputValueAsync(), StringComparison.Ordinal);
        await op.Locator("#save-synonyms").ClickAsync();
        await op.WaitForURLAsync("**/console/synonyms?done=synonyms-saved");
        await op.Context.CloseAsync();
        using var reader = system.As((await system.SignInAsync("operator1", "catalogue")).AccessToken!);
        var list = await reader.GetFromJsonAsync<JsonElement>("/api/catalogue/synonyms", ct);
        Assert.Equal([word, $"测试同义{suffix}"], list.GetProperty("groups").EnumerateArray().Last().EnumerateArray().Select(w => w.GetString()));
    }
}
