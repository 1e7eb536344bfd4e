extern alias identity;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Talent.Testing;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// The identity service trusts only tokens it issued itself (its admin API validates them through OpenIddict's local
/// server, not a configurable authority), so <see cref="TestTokens"/> cannot reach it. Its tests start it with the
/// demonstration data and ask it for real tokens: the password flow of the <c>talent-dev</c> client for each demonstration
/// account (scope <c>identity</c>), the client-credentials flow for <c>municipal-demo</c> (its scope, <c>exchange</c>).
/// </summary>
public static class AccessIdentity
{
    public const string Password = "Talent#2026";

    public static Task<ServiceHost<identity::Program>> StartAsync() =>
        ServiceHost<identity::Program>.StartAsync("identity",
            ("Identity:DemoData", "true"), ("Identity:RequireHttps", "false"), ("Identity:Issuer", "http://localhost/identity/"));

    /// <summary>
    /// The identity service in-process on a database the test keeps across starts (a restart, a change of settings),
    /// unlike <see cref="StartAsync"/>'s fresh one each time.
    /// </summary>
    public static WebApplicationFactory<identity::Program> StartOn(TestDatabase database, TestVirtualHost vhost, bool demoData)
    {
        var factory = new WebApplicationFactory<identity::Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:identity", database.ConnectionString);
            web.UseSetting("ConnectionStrings:messaging", vhost.Amqp.ToString());
            web.UseSetting("Database:MigrateOnStart", "true");
            web.UseSetting("Identity:DemoData", demoData ? "true" : "false");
            web.UseSetting("Identity:RequireHttps", "false");
            web.UseSetting("Identity:Issuer", "http://localhost/identity/");
            web.UseSetting("Authentication:Authority", "http://127.0.0.1:9/identity/");
            web.UseSetting("Authentication:RequireHttpsMetadata", "false");
            web.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        _ = factory.Server;
        return factory;
    }

    /// <summary>Each persona's token from the identity service itself (none for anonymous).</summary>
    public static async Task<Dictionary<string, string?>> TokensAsync(ServiceHost<identity::Program> host)
    {
        var tokens = new Dictionary<string, string?> { [AccessPersonas.Anonymous] = null };
        foreach (var (persona, account) in new[]
        {
            (AccessPersonas.Talent, "talent1"), (AccessPersonas.Enterprise, "enterprise1"), (AccessPersonas.StaffOwner, "staff-hr"),
            (AccessPersonas.StaffOther, "staff-sti"), (AccessPersonas.Commissioner, "commissioner1"), (AccessPersonas.Butler, "butler1"),
            (AccessPersonas.Broker, "broker1"), (AccessPersonas.Operator, "operator1"),
        })
        {
            tokens[persona] = await TokenAsync(host, new()
            {
                ["grant_type"] = "password", ["client_id"] = "talent-dev", ["username"] = account, ["password"] = Password, ["scope"] = "identity",
            });
        }

        tokens[AccessPersonas.Municipal] = await TokenAsync(host, new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "municipal-demo", ["client_secret"] = "municipal-demo-secret", ["scope"] = "exchange",
        });
        return tokens;
    }

    private static async Task<string> TokenAsync(ServiceHost<identity::Program> host, Dictionary<string, string> form)
    {
        using var client = host.ClientAs(null);
        using var response = await client.PostAsync("/identity/connect/token", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"No token for {form.GetValueOrDefault("username") ?? form["client_id"]}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }
}
