using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Talent.SystemTests;

/// <summary>What a browser and the portal do: authorization code with PKCE, the sign-in page, lockout; and the admin API.</summary>
public sealed partial class SignInFlowTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    // The portal's own callback through the gateway: the identity registers the talent-portal client for it.
    private string RedirectUri => new Uri(system.GatewayAddress, "signin-oidc").ToString();

    [Fact]
    public async Task Authorization_code_with_PKCE_signs_in_through_the_page_and_the_token_works_against_a_service()
    {
        var ct = TestContext.Current.CancellationToken;
        using var browser = Browser();
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

        var code = await SignInForCodeAsync(browser, verifier, ct);
        using var exchanged = await ExchangeAsync(browser, code, verifier, ct);
        var tokens = await exchanged.Content.ReadFromJsonAsync<TokenResponse>(ct);
        Assert.Equal(HttpStatusCode.OK, exchanged.StatusCode);

        using var api = system.As(tokens!.AccessToken!);
        var draft = CatalogueSamples.Draft(CatalogueSamples.NewCode("PKCE"), titleZh: "授权码", leadDepartment: "STI");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/catalogue/drafts", draft, ct)).StatusCode);
    }

    [Fact]
    public async Task A_code_exchanged_without_the_right_verifier_is_refused_and_an_unregistered_redirect_is_not_followed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var browser = Browser();
        var code = await SignInForCodeAsync(browser, Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)), ct);
        using var stolen = await ExchangeAsync(browser, code, Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)), ct);
        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
        Assert.Equal("invalid_grant", (await stolen.Content.ReadFromJsonAsync<TokenResponse>(ct))!.Error);

        using var foreign = await browser.GetAsync(
            "/identity/connect/authorize?client_id=talent-portal&response_type=code&scope=openid&code_challenge=abc&code_challenge_method=S256" +
            $"&redirect_uri={Uri.EscapeDataString("https://evil.example/callback")}", ct);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("invalid_request", await foreign.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        using var noPkce = await browser.GetAsync(
            $"/identity/connect/authorize?client_id=talent-portal&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(RedirectUri)}", ct);
        Assert.Equal(HttpStatusCode.BadRequest, noPkce.StatusCode);
        Assert.Contains("invalid_request", await noPkce.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    /// <summary>What a browser does: authorize, get sent to the sign-in page (in Chinese), sign in as operator1, come back with a code.</summary>
    private async Task<string> SignInForCodeAsync(HttpClient browser, string verifier, CancellationToken ct)
    {
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Guid.NewGuid().ToString("N");
        var authorize = $"/identity/connect/authorize?client_id=talent-portal&response_type=code&scope={Uri.EscapeDataString("openid profile catalogue")}" +
            $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}&code_challenge={challenge}&code_challenge_method=S256&state={state}";

        // Not signed in: the provider sends the browser to its sign-in page.
        using var first = await browser.GetAsync(authorize, ct);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("/identity/account/login", first.Headers.Location!.ToString(), StringComparison.Ordinal);

        var loginUrl = first.Headers.Location!.IsAbsoluteUri ? first.Headers.Location.PathAndQuery : first.Headers.Location.ToString();
        using var page = await browser.GetAsync(loginUrl + "&lang=zh", ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        Assert.Contains("登录", html, StringComparison.Ordinal);

        using var posted = await browser.PostAsync("/identity/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Field(html, "__RequestVerificationToken"),
            ["returnUrl"] = WebUtility.HtmlDecode(Field(html, "returnUrl")),
            ["lang"] = "zh",
            ["userName"] = "operator1",
            ["password"] = "Talent#2026",
        }), ct);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        // Signed in: back to the authorization endpoint, which now redirects to the client with a code.
        using var second = await browser.GetAsync(posted.Headers.Location!.ToString(), ct);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var callback = second.Headers.Location!;
        Assert.StartsWith(RedirectUri, callback.ToString(), StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(callback.Query);
        Assert.Equal(state, query["state"]);
        return query["code"]!;
    }

    private Task<HttpResponseMessage> ExchangeAsync(HttpClient browser, string code, string verifier, CancellationToken ct) =>
        browser.PostAsync("/identity/connect/token", IdentityTests.Form(
            ("grant_type", "authorization_code"), ("client_id", "talent-portal"), ("code", code),
            ("redirect_uri", RedirectUri), ("code_verifier", verifier)), ct);

    [Fact]
    public async Task Repeated_failed_sign_ins_lock_the_account_and_the_page_never_says_whether_it_exists()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = system.As((await system.SignInAsync("operator1", "identity")).AccessToken!);
        var userName = "lock-" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsJsonAsync("/identity/api/users", new
        {
            userName, displayName = "锁定测试 Lockout test", password = "Right#2026pass", roles = new[] { "applicant" }, applicantKind = "talent",
        }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var browser = Browser();
        var wrongAnswers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            wrongAnswers.Add(await SignInPageAsync(browser, userName, "wrong-password", ct));
        }

        var unknownUser = await SignInPageAsync(browser, "nobody-" + Guid.NewGuid().ToString("N")[..6], "wrong-password", ct);
        var lockedWithRightPassword = await SignInPageAsync(browser, userName, "Right#2026pass", ct);

        Assert.Equal("failed", lockedWithRightPassword);
        Assert.All(wrongAnswers, a => Assert.Equal("failed", a));
        Assert.Equal("failed", unknownUser);
        var listed = await admin.GetFromJsonAsync<JsonElement>($"/identity/api/users?q={userName}", ct);
        Assert.True(listed.GetProperty("items")[0].GetProperty("lockedOut").GetBoolean());
    }

    [Fact]
    public async Task Operators_manage_users_with_an_audit_trail_and_nobody_else_may()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = system.As((await system.SignInAsync("operator1", "identity")).AccessToken!);
        var userName = "staff-" + Guid.NewGuid().ToString("N")[..8];

        var invalid = await admin.PostAsJsonAsync("/identity/api/users", new { userName, displayName = "x", password = "Valid#2026pass", roles = new[] { "staff" } }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors").TryGetProperty("departmentCode", out _));

        var created = await admin.PostAsJsonAsync("/identity/api/users", new { userName, displayName = "新同事 New colleague", password = "Valid#2026pass", roles = new[] { "staff" }, departmentCode = "STI" }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/identity/api/users/{id}", new { departmentCode = "HRSS" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/identity/api/users/{id}/disable", null, ct)).StatusCode);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => system.SignInAsync(userName, "catalogue", "Valid#2026pass"));
        Assert.Contains("failed: 400 invalid_grant", refused.Message, StringComparison.Ordinal);

        var audit = await admin.GetFromJsonAsync<JsonElement>("/identity/api/audit?pageSize=50", ct);
        var actions = audit.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("target").GetString() == userName).Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["user.disabled", "user.updated", "user.created"], actions);
        Assert.Contains("operator1", audit.GetProperty("items")[0].GetProperty("actor").GetString(), StringComparison.Ordinal);

        using var applicant = system.As((await system.SignInAsync("talent1", "identity")).AccessToken!);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/identity/api/users", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Gateway.GetAsync("/identity/api/users", ct)).StatusCode);
    }

    [Fact]
    public async Task A_municipal_client_registered_by_an_operator_gets_tokens_with_its_one_time_secret()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = system.As((await system.SignInAsync("operator1", "identity")).AccessToken!);
        var clientId = "city-" + Guid.NewGuid().ToString("N")[..8];

        var publicWithCredentials = await admin.PostAsJsonAsync("/identity/api/clients", new { clientId, type = "public", grantTypes = new[] { "client_credentials" }, scopes = new[] { "exchange" } }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, publicWithCredentials.StatusCode);

        var created = await admin.PostAsJsonAsync("/identity/api/clients", new
        {
            clientId, displayName = "市人社数据平台 City HR data", type = "confidential", grantTypes = new[] { "client_credentials" }, scopes = new[] { "exchange" },
        }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("clientSecret").GetString()!;
        var listed = await admin.GetFromJsonAsync<JsonElement>("/identity/api/clients", ct);
        Assert.DoesNotContain(secret, listed.GetRawText(), StringComparison.Ordinal);

        using var token = await system.Gateway.PostAsync("/identity/connect/token", IdentityTests.Form(
            ("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret)), ct);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal("exchange", IdentityTests.Payload((await token.Content.ReadFromJsonAsync<TokenResponse>(ct))!.AccessToken!).GetProperty("aud").GetString());
    }

    private HttpClient Browser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = system.GatewayAddress };

    /// <summary>Posts the sign-in form: "signed-in" on a redirect, "failed" on the page's one generic error.</summary>
    private static async Task<string> SignInPageAsync(HttpClient browser, string userName, string password, CancellationToken ct)
    {
        var html = await browser.GetStringAsync("/identity/account/login?lang=en", ct);
        using var posted = await browser.PostAsync("/identity/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Field(html, "__RequestVerificationToken"),
            ["userName"] = userName,
            ["password"] = password,
        }), ct);
        if (posted.StatusCode == HttpStatusCode.Redirect)
        {
            return "signed-in";
        }

        var answer = await posted.Content.ReadAsStringAsync(ct);
        return answer.Contains("Wrong user name or password, or the account is not available.", StringComparison.Ordinal) ? "failed" : "unexpected: " + answer;
    }

    private static string Field(string html, string name)
    {
        var match = FieldPattern().Matches(html).FirstOrDefault(m => m.Groups["name"].Value == name);
        return match?.Groups["value"].Value ?? throw new InvalidOperationException($"no field {name} in the page");
    }

    [GeneratedRegex("name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex FieldPattern();
}
