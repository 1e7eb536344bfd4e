using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Playwright;
using Npgsql;
using Talent.Testing;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>Signing in to the portal in a browser: through the identity service and back, the session on the server.</summary>
public sealed class PortalSignInTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    private static readonly System.Text.RegularExpressions.Regex Jwt = new(@"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.");

    [Fact]
    public async Task Signing_in_from_an_item_returns_to_it_with_a_session_whose_tokens_never_reach_the_browser_and_signing_out_ends_it()
    {
        var browser = await system.BrowserAsync();
        var page = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);
        await page.GotoAsync("/items/TALENT-APARTMENT");

        await PortalSession.SignInOnTheFormAsync(page, "talent1");

        Assert.EndsWith("/items/TALENT-APARTMENT", page.Url, StringComparison.Ordinal);
        var cookies = await page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "talent.session");
        Assert.True(session.HttpOnly, "the session cookie is out of scripts' reach");
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        // Only a session id: no token in any cookie the browser holds, nor in the page. A JWT is three base64url parts
        // joined by dots, the first "eyJ" ('{"'); "eyJ" alone also turns up by chance inside the encrypted correlation
        // and antiforgery values (base64url, no dots): it failed a fresh run once so.
        Assert.DoesNotContain(cookies, c => Jwt.IsMatch(c.Value));
        Assert.DoesNotMatch(Jwt, await page.ContentAsync());

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
        // enterprise1 signs in to the portal in no other test: only its sessions are expired, not those of tests beside it.
        await PortalSession.SignInOnTheFormAsync(page, "enterprise1");
        var subject = new JsonWebToken((await system.SignInAsync("enterprise1", "applications")).AccessToken).Subject;

        // The session expires (as after the idle timeout): its row is gone from the portal's database.
        await using (var connection = new NpgsqlConnection(await system.DatabaseAsync("portal")))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var expire = new NpgsqlCommand("UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE subject = @subject", connection);
            expire.Parameters.AddWithValue("subject", subject);
            Assert.True(await expire.ExecuteNonQueryAsync(TestContext.Current.CancellationToken) >= 1);
        }

        var response = await page.GotoAsync("/cases");
        // The identity still knows the person, so the round trip through sign-in comes straight back to the page.
        Assert.EndsWith("/cases", page.Url, StringComparison.Ordinal);
        Assert.Equal(200, response?.Status);
        await page.Locator("header .account .who").WaitForAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Requests_of_one_session_at_once_when_its_token_is_due_refresh_it_once_and_all_stay_signed_in()
    {
        var ct = TestContext.Current.CancellationToken;
        // A person of this test alone, so only this browser's session has their subject.
        var userName = "talent-" + Guid.NewGuid().ToString("N")[..8];
        using (var admin = system.As((await system.SignInAsync("operator1", "identity")).AccessToken!))
        {
            var created = await admin.PostAsJsonAsync("/identity/api/users", new { userName, displayName = $"测试人才 {userName}", password = "Valid#2026pass", roles = new[] { "applicant" }, applicantKind = "talent" }, ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var subject = new JsonWebToken((await system.SignInAsync(userName, "applications", "Valid#2026pass")).AccessToken).Subject;
        var browser = await system.BrowserAsync();
        var page = await browser.OpenAsync(system.GatewayAddress, "en", PortalBrowser.Sizes[1]);
        await page.GotoAsync("/");
        await PortalSession.SignInOnTheFormAsync(page, userName, "Valid#2026pass");
        var signedInAt = await SessionUpdatedAtAsync(subject, ct);

        // The test system's access tokens live 40 s and the portal refreshes 30 s ahead, so within a few seconds every
        // request of the session wants a refresh. Six pages that each call the applications API are fetched at once, round
        // after round (as often as Eventually polls), until the session's token has been refreshed; every one of them, and
        // one round after, is signed in
        // (a refresh token is single-use: two requests refreshing with it would end the session).
        const string round = "async () => Promise.all(Array.from({ length: 6 }, () => fetch('/cases', { redirect: 'manual' }).then(r => r.status)))";
        var statuses = new List<int>();
        await Eventually.UntilAsync(
            async () =>
            {
                statuses.AddRange(await page.EvaluateAsync<int[]>(round));
                // Renewed after the token fell due (10 s after it was issued, at sign-in): a refresh, not the sign-in itself.
                return await SessionUpdatedAtAsync(subject, ct) > signedInAt.AddSeconds(10);
            },
            TimeSpan.FromSeconds(60),
            "a refresh of the session's access token");
        statuses.AddRange(await page.EvaluateAsync<int[]>(round));
        Assert.All(statuses, status => Assert.Equal(200, status));
        Assert.Equal(200, (await page.GotoAsync("/cases"))?.Status);
        Assert.EndsWith("/cases", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    private async Task<DateTimeOffset> SessionUpdatedAtAsync(string subject, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(await system.DatabaseAsync("portal"));
        await connection.OpenAsync(ct);
        await using var read = new NpgsqlCommand("SELECT max(updated_at) FROM sessions WHERE subject = @subject", connection);
        read.Parameters.AddWithValue("subject", subject);
        return await read.ExecuteScalarAsync(ct) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : DateTimeOffset.MinValue;
    }
}

/// <summary>
/// Signing a browser in to the portal, for the portal tests. A demonstration account signs in on the identity's form the
/// first time; later contexts get that session's cookies (the portal's session and the identity's), as a person who
/// signed in once opens another tab. A form sign-in cost 3-9 s here (two to three page loads, the password hash) and
/// the suite signed in about thirty times. The tests of signing in itself use <see cref="SignInOnTheFormAsync"/>, never
/// shared: one signs out, one ends its session on the server.
/// </summary>
public static class PortalSession
{
    public const string DemoPassword = "Talent#2026";

    private static readonly ConcurrentDictionary<string, Microsoft.Playwright.Cookie[]> Sessions = new(StringComparer.Ordinal);

    /// <summary>Signed in on the page as it is (a portal page): the account's shared session, or the form the first time.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password = DemoPassword)
    {
        if (password == DemoPassword && Sessions.TryGetValue(userName, out var cookies))
        {
            await page.Context.AddCookiesAsync(cookies);
            await page.ReloadAsync();
            await page.Locator("header .account .who").WaitForAsync();
            return;
        }

        await SignInOnTheFormAsync(page, userName, password);
        if (password == DemoPassword)
        {
            Sessions.TryAdd(userName, [.. (await page.Context.CookiesAsync()).Where(c => c.Name is "talent.session" or "talent.identity").Select(c => new Microsoft.Playwright.Cookie
            {
                Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
            })]);
        }
    }

    /// <summary>From any portal page: the sign-in link, the identity's page, back where the person was (a session of its own).</summary>
    public static async Task SignInOnTheFormAsync(IPage page, string userName, string password = DemoPassword)
    {
        await page.Locator("header .account a").ClickAsync();
        await page.WaitForURLAsync("**/identity/account/login**");
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.Locator("header .account .who").WaitForAsync();
    }
}
