using Microsoft.Playwright;
using Npgsql;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>Signing in to the portal in a browser: through the identity service and back, the session on the server.</summary>
[Collection(SystemCollection.Name)]
public sealed class PortalSignInTests(SystemFixture system)
{
    [Fact]
    public async Task Signing_in_from_an_item_returns_to_it_with_a_session_whose_tokens_never_reach_the_browser_and_signing_out_ends_it()
    {
        var browser = await system.BrowserAsync();
        var page = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);
        await page.GotoAsync("/items/TALENT-APARTMENT");

        await PortalSession.SignInAsync(page, "talent1");

        Assert.EndsWith("/items/TALENT-APARTMENT", page.Url, StringComparison.Ordinal);
        var cookies = await page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "talent.session");
        Assert.True(session.HttpOnly, "the session cookie is out of scripts' reach");
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        // Only a session id: no token (a JWT starts eyJ) in any cookie the browser holds, nor in the page.
        Assert.DoesNotContain(cookies, c => c.Value.Contains("eyJ", StringComparison.Ordinal));
        Assert.DoesNotContain("eyJ", await page.ContentAsync(), StringComparison.Ordinal);

        await page.Locator("header .account button").ClickAsync();
        await page.Locator("header .account a").WaitForAsync();
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "talent.session");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_session_that_ended_on_the_server_sends_the_person_to_sign_in_and_back_to_the_page()
    {
        var browser = await system.BrowserAsync();
        var page = await browser.OpenAsync(system.GatewayAddress, "en", PortalBrowser.Sizes[1]);
        await page.GotoAsync("/search");
        await PortalSession.SignInAsync(page, "talent1");

        // The session expires (as after the idle timeout): its row is gone from the portal's database.
        await using (var connection = new NpgsqlConnection(await system.DatabaseAsync("portal")))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var expire = new NpgsqlCommand("UPDATE sessions SET expires_at = now() - interval '1 minute'", connection);
            Assert.True(await expire.ExecuteNonQueryAsync(TestContext.Current.CancellationToken) >= 1);
        }

        var response = await page.GotoAsync("/cases");
        // The identity still knows the person, so the round trip through sign-in comes straight back to the page.
        Assert.EndsWith("/cases", page.Url, StringComparison.Ordinal);
        Assert.Equal(200, response?.Status);
        await page.Locator("header .account .who").WaitForAsync();
        await page.Context.CloseAsync();
    }
}

/// <summary>Signing a browser in to the portal, for the portal tests.</summary>
public static class PortalSession
{
    /// <summary>From any portal page: the sign-in link, the identity's page, back where the person was.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password = "Talent#2026")
    {
        await page.Locator("header .account a").ClickAsync();
        await page.WaitForURLAsync("**/identity/account/login**");
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.Locator("header .account .who").WaitForAsync();
    }
}
