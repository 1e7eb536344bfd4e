extern alias identity;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>Outside the embedded default (Identity:DemoData off), there are no demonstration accounts and no password flow.</summary>
public sealed class IdentityOutsideEmbeddedTests
{
    [Fact]
    public async Task Without_the_embedded_default_the_password_flow_and_the_demo_accounts_do_not_exist()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<identity::Program>.StartAsync("identity",
            ("Identity:DemoData", "false"), ("Identity:RequireHttps", "false"), ("Identity:Issuer", "http://localhost/identity/"));
        using var client = host.Factory.CreateClient();

        using var response = await client.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "talent-dev", ["username"] = "operator1", ["password"] = "Talent#2026",
        }), ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", body.GetProperty("error").GetString());

        var discovery = await client.GetFromJsonAsync<JsonElement>("/identity/.well-known/openid-configuration", ct);
        Assert.DoesNotContain("password", discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()));

        await using var scope = host.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<identity::Talent.Identity.Data.TalentUser>>();
        foreach (var demo in new[] { "talent1", "enterprise1", "staff-sti", "staff-hr", "commissioner1", "butler1", "broker1", "operator1" })
        {
            Assert.Null(await users.FindByNameAsync(demo));
        }
    }
}
