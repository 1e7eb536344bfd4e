using System.Net;
using Microsoft.Playwright;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>The portal's public pages, in a real browser through the gateway: accessible, in both languages, at phone and desk widths.</summary>
public sealed class PortalPublicPagesTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    private static readonly SweptPage[] Pages =
    [
        new("/", Screenshot: "home"),
        new("/search?q=%E7%88%B1%E4%BA%BA%E5%B7%A5%E4%BD%9C", Screenshot: "search"),
        new("/search?q=%E7%81%AB%E6%98%9F%E7%A7%BB%E6%B0%91%E5%8A%9E%E7%90%86", Screenshot: "search-nearest"),
        new("/items/TALENT-APARTMENT", Screenshot: "item"),
        new("/items/TALENT-APARTMENT/versions", Screenshot: "versions"),
        new("/no-such-page", 404, "not-found"),
        new("/offline", Screenshot: "offline"),
    ];

    [Fact]
    public async Task Every_public_page_has_no_serious_accessibility_violation_in_Chinese_and_English_on_a_phone_and_a_desk()
    {
        var problems = await (await system.BrowserAsync()).SweepAsync(system.GatewayAddress, null, Pages);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Searching_in_everyday_Chinese_finds_the_formal_item_and_its_flow_card()
    {
        var browser = await system.BrowserAsync();
        var page = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);
        await page.GotoAsync("/");
        // The stylesheet arrived (the brand colour is on the masthead), not only the HTML.
        Assert.Equal("rgb(11, 79, 138)", await page.Locator(".masthead").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await page.GetByLabel("您想办什么事？").FillAsync("爱人工作");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await page.WaitForURLAsync("**/search?q=*");

        await page.GetByRole(AriaRole.Link, new() { Name = "人才配偶就业一件事" }).ClickAsync();
        await page.WaitForURLAsync("**/items/SPOUSE-EMPLOYMENT");
        // Enhanced navigation changes the address before it patches the page: wait for the item's heading.
        await page.Locator("h1", new() { HasText = "人才配偶就业一件事" }).WaitForAsync();
        Assert.Equal("人才配偶就业一件事", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("承诺时限", await page.Locator(".key-facts").InnerTextAsync());
        Assert.True(await page.Locator("ol.timeline li").CountAsync() > 0, "the steps as a timeline");
        Assert.Contains("免提交", await page.Locator("table.materials").InnerTextAsync());

        // The language switch keeps the page and turns it into English.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.WaitForURLAsync("**/items/SPOUSE-EMPLOYMENT");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("Committed time limit", await page.Locator(".key-facts").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Pages_carry_a_strict_content_security_policy_and_preference_forms_posted_from_another_site_are_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var home = await system.Gateway.GetAsync("/", ct);
        var policy = string.Join(" ", home.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);

        // The public pages are cached for everyone, so their preference forms carry no token: the origin is checked.
        // A client of its own: no cookie it is given may change the language of the other tests' pages.
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = system.GatewayAddress };
        foreach (var (header, value) in new[] { ("Sec-Fetch-Site", "cross-site"), ("Origin", "https://elsewhere.example") })
        {
            using var forged = new HttpRequestMessage(HttpMethod.Post, "/preferences/language")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" }),
            };
            forged.Headers.Add(header, value);
            using var refused = await client.SendAsync(forged, ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Empty(refused.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []);
        }

        using var own = new HttpRequestMessage(HttpMethod.Post, "/preferences/language")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" }),
            Headers = { { "Sec-Fetch-Site", "same-origin" } },
        };
        using var switched = await client.SendAsync(own, ct);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
    }

    [Fact]
    public async Task Public_pages_are_served_from_the_cache_per_language_to_visitors_without_a_session_and_never_to_a_signed_in_person()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = system.GatewayAddress };
        async Task<(string Html, bool Cached)> GetAsync(string language, string? cookie = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/items/SPOUSE-EMPLOYMENT");
            request.Headers.AcceptLanguage.ParseAdd(language);
            if (cookie is not null)
            {
                request.Headers.Add("Cookie", cookie);
            }

            using var response = await client.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadAsStringAsync(ct), response.Headers.Age is not null);
        }

        await GetAsync("zh-CN");
        var (chinese, cachedChinese) = await GetAsync("zh-CN");
        Assert.True(cachedChinese, "the second anonymous visit in Chinese came from the cache (an Age header)");
        Assert.Contains("<html lang=\"zh-CN\"", chinese, StringComparison.Ordinal);
        await GetAsync("en");
        var (english, cachedEnglish) = await GetAsync("en");
        Assert.True(cachedEnglish);
        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
        // With a session cookie (even one that no longer signs anybody in) the page is rendered for that request.
        var (_, cachedSession) = await GetAsync("zh-CN", "talent.session=not-a-session");
        Assert.False(cachedSession, "a request with a session was answered from the public cache");
    }

    [Fact]
    public async Task The_home_page_loads_in_under_150_KB_on_a_phone()
    {
        var browser = await system.BrowserAsync();
        // A first visit as a phone makes it: the service worker installs and fetches what it keeps for offline use.
        var page = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0], serviceWorker: true);
        var requests = new List<IRequest>();
        page.RequestFinished += (_, request) => requests.Add(request);
        await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.NetworkIdle });

        long bytes = 0;
        foreach (var request in requests.ToList())
        {
            var sizes = await request.SizesAsync();
            bytes += sizes.ResponseHeadersSize + sizes.ResponseBodySize;
        }

        Talent.Testing.TestReport.Line($"portal: the home page transferred {bytes / 1024.0:0.0} KB in {requests.Count} requests ({string.Join(", ", requests.Select(r => new Uri(r.Url).AbsolutePath))})");
        Assert.Contains(requests, r => r.Url.Contains(".css", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Url.Contains("blazor.web", StringComparison.Ordinal));
        Assert.True(bytes < 150 * 1024, $"the home page transferred {bytes} bytes in {requests.Count} requests");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Once_visited_the_portal_answers_a_page_asked_for_offline_with_its_offline_page_and_live_pages_again_online()
    {
        var browser = await system.BrowserAsync();
        var page = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0], serviceWorker: true);
        await page.GotoAsync("/");
        // The worker controls the page once it has installed (keeping the offline page) and claimed it.
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");

        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync("/items/TALENT-APARTMENT");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("当前处于离线状态");

        await page.Context.SetOfflineAsync(false);
        var online = await page.GotoAsync("/items/TALENT-APARTMENT");
        Assert.Equal(200, online?.Status);
        await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync("当前处于离线状态");
        await page.Context.CloseAsync();
    }
}
