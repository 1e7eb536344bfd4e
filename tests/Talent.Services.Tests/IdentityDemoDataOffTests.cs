extern alias identity;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talent.Testing;
using Xunit;
using IdentityDb = identity::Talent.Identity.Data.IdentityDb;
using Retirement = identity::Talent.Identity.Seeding.DemoDataRetirement;
using TalentUser = identity::Talent.Identity.Data.TalentUser;

namespace Talent.Services.Tests;

/// <summary>
/// Demonstration data off must mean gone, also on a database an earlier start seeded with it on: the published
/// password, secret and password flow stop working, and the audit trail says so.
/// </summary>
public sealed class IdentityDemoDataOffTests : IAsyncLifetime
{
    private static readonly string[] DemoAccounts = ["talent1", "enterprise1", "staff-sti", "staff-hr", "commissioner1", "butler1", "broker1", "operator1"];
    private TestDatabase _database = null!;
    private TestVirtualHost _vhost = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("identity");
        _vhost = await TestVirtualHost.CreateAsync("identity");
    }

    public async ValueTask DisposeAsync()
    {
        await _vhost.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Turning_demonstration_data_off_disables_the_demo_accounts_and_deletes_the_published_clients_with_an_audit_trail()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var seeded = Start(demoData: true))
        {
            using var before = Client(seeded);
            Assert.Equal(HttpStatusCode.Redirect, (await SignInOnThePageAsync(before, "operator1", ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await MunicipalDemoTokenAsync(before, ct)).StatusCode);
        }

        await using var off = Start(demoData: false);
        using var client = Client(off);

        foreach (var account in DemoAccounts)
        {
            using var page = await SignInOnThePageAsync(client, account, ct);
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        }

        using var password = await client.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "talent-dev",
            ["username"] = "operator1",
            ["password"] = "Talent#2026",
        }), ct);
        Assert.Equal(HttpStatusCode.BadRequest, password.StatusCode);
        Assert.Equal("unsupported_grant_type", (await password.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("error").GetString());

        // Whatever flow might be on: the published password is no longer any account's.
        await using (var scope = off.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TalentUser>>();
            foreach (var account in DemoAccounts)
            {
                var user = await users.FindByNameAsync(account);
                Assert.True(user is { Disabled: true }, $"{account} is not disabled");
                Assert.False(await users.CheckPasswordAsync(user, "Talent#2026"), $"{account} still has the published password");
            }
        }

        using var municipal = await MunicipalDemoTokenAsync(client, ct);
        Assert.Equal("invalid_client", (await municipal.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("error").GetString());

        var audit = await RetirementAuditAsync(off, ct);
        Assert.Equal(DemoAccounts.Order(), audit.Where(a => a.Action == "demo.user.disabled").Select(a => a.Target).Order());
        Assert.Equal(["municipal-demo", "talent-dev"], audit.Where(a => a.Action == "demo.client.deleted").Select(a => a.Target).Order());
    }

    [Fact]
    public async Task Retiring_demonstration_data_happens_once_and_turning_it_back_on_restores_the_accounts()
    {
        var ct = TestContext.Current.CancellationToken;
        await Start(demoData: true).DisposeAsync();
        await Start(demoData: false).DisposeAsync();

        await using (var again = Start(demoData: false))
        {
            Assert.Equal(DemoAccounts.Length + 2, (await RetirementAuditAsync(again, ct)).Count);
        }

        await using var on = Start(demoData: true);
        using var client = Client(on);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInOnThePageAsync(client, "operator1", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MunicipalDemoTokenAsync(client, ct)).StatusCode);
    }

    /// <summary>The identity service started in-process on this test's database (the same one at every start).</summary>
    private WebApplicationFactory<identity::Program> Start(bool demoData) => AccessIdentity.StartOn(_database, _vhost, demoData);

    private static HttpClient Client(WebApplicationFactory<identity::Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The sign-in page's form, as a browser sends it: a redirect when signed in, the page again (400) when not.</summary>
    internal static async Task<HttpResponseMessage> SignInOnThePageAsync(HttpClient client, string userName, CancellationToken ct, string returnUrl = "/identity/")
    {
        var page = await client.GetStringAsync("/identity/account/login", ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/identity/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["userName"] = userName,
            ["password"] = "Talent#2026",
            ["returnUrl"] = returnUrl,
        }), ct);
    }

    private static Task<HttpResponseMessage> MunicipalDemoTokenAsync(HttpClient client, CancellationToken ct) =>
        client.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "municipal-demo",
            ["client_secret"] = "municipal-demo-secret",
            ["scope"] = "exchange",
        }), ct);

    private static async Task<List<(string Action, string Target)>> RetirementAuditAsync(WebApplicationFactory<identity::Program> factory, CancellationToken ct)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<IdentityDb>().Audit.AsNoTracking()
            .Where(a => a.Actor == Retirement.Actor).ToListAsync(ct);
        return [.. entries.Select(a => (a.Action, a.Target))];
    }
}
