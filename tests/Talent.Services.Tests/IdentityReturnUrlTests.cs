extern alias identity;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>The sign-in page sends a person back only to a path on this server, under the identity's base: never an open redirect.</summary>
public sealed partial class IdentityReturnUrlTests
{
    /// <summary>Each as it would stand in the page's query string, written by hand (not percent-encoded again).</summary>
    private static readonly string[] Hostile =
    [
        "/%09/evil.example", "//evil.example", "/\\evil.example", "/%2F%2Fevil.example", "https://evil.example",
        "/%5Cevil.example", "\\\\evil.example", "javascript:alert(1)", "/%0d%0a/evil.example", "/%252F%252Fevil.example",
        "http:/evil.example", "/identity/../evil.example", "/catalogue/elsewhere", "evil.example", "%2F%2Fevil.example", " /identity/",
    ];

    private const string Authorize =
        "/identity/connect/authorize?client_id=talent-portal&redirect_uri=http%3A%2F%2Flocalhost%3A5173%2Fcallback&response_type=code&scope=openid%20catalogue&code_challenge=abc&code_challenge_method=S256";

    [Fact]
    public async Task The_sign_in_page_keeps_a_local_return_url_and_replaces_any_other_with_its_start_page()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<identity::Program>.StartAsync("identity",
            ("Identity:DemoData", "false"), ("Identity:RequireHttps", "false"), ("Identity:Issuer", "http://localhost/identity/"));
        using var client = host.Factory.CreateClient();

        var kept = new List<string>();
        foreach (var hostile in Hostile)
        {
            // As written in the query (decoded once by the server), and percent-encoded (arriving exactly as written).
            foreach (var query in new[] { hostile, Uri.EscapeDataString(hostile) })
            {
                var returned = await ReturnUrlOfThePageAsync(client, query, ct);
                if (returned != "/identity/")
                {
                    kept.Add($"{query} -> {returned}");
                }
            }
        }

        Assert.Empty(kept);
        Assert.Equal(Authorize, await ReturnUrlOfThePageAsync(client, Uri.EscapeDataString(Authorize), ct));
        Assert.Equal("/identity/account/login?lang=en", await ReturnUrlOfThePageAsync(client, Uri.EscapeDataString("/identity/account/login?lang=en"), ct));
    }

    [Fact]
    public async Task Signing_in_with_a_hostile_return_url_lands_on_the_identity_start_page()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<identity::Program>.StartAsync("identity",
            ("Identity:DemoData", "true"), ("Identity:RequireHttps", "false"), ("Identity:Issuer", "http://localhost/identity/"));
        using var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var signedIn = await IdentityDemoDataOffTests.SignInOnThePageAsync(client, "talent1", ct, returnUrl: "/\t/evil.example");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/identity/", signedIn.Headers.Location?.OriginalString);
    }

    private static async Task<string> ReturnUrlOfThePageAsync(HttpClient client, string query, CancellationToken ct)
    {
        using var response = await client.GetAsync("/identity/account/login?returnUrl=" + query, ct);
        var page = await response.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(HiddenReturnUrl().Match(page).Groups[1].Value);
    }

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenReturnUrl();
}
