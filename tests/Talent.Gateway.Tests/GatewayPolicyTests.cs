using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Talent.Gateway.Tests;

/// <summary>
/// The gateway's own policies, in-process. They act before a request is forwarded, so no service runs here;
/// forwarding itself is covered by the system tests over the AppHost.
/// </summary>
public sealed class GatewayPolicyTests
{
    private const string Hour = "01:00:00";

    private static WebApplicationFactory<Program> Gateway(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Logging:LogLevel:Default", "Error");
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
        });

    [Fact]
    public async Task A_client_over_its_rate_limit_gets_429_with_Retry_After_and_problem_details()
    {
        await using var gateway = Gateway(("Gateway:RateLimit:PermitsPerSecond", "1"), ("Gateway:RateLimit:Burst", "2"), ("Gateway:RateLimit:ReplenishmentPeriod", Hour));
        using var client = gateway.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add(await client.GetAsync("/api/catalogue/items/ANY", ct));
        }

        var refused = statuses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        // The burst of two passes (on to a service that is not there), every later request is refused.
        Assert.All(statuses.Take(2), r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.Equal(statuses.Skip(2), refused);
        Assert.All(refused, r =>
        {
            Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After is missing");
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        });
    }

    [Fact]
    public async Task The_token_endpoint_has_its_own_tighter_limit()
    {
        await using var gateway = Gateway(("Gateway:TokenRateLimit:PermitsPerSecond", "1"), ("Gateway:TokenRateLimit:Burst", "1"), ("Gateway:TokenRateLimit:ReplenishmentPeriod", Hour));
        using var client = gateway.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var token = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            token.Add((await client.PostAsync("/identity/connect/token", new FormUrlEncodedContent([]), ct)).StatusCode);
        }

        // The API routes keep their own, larger allowance.
        var api = await client.GetAsync("/api/catalogue/items/ANY", ct);

        Assert.Equal(2, token.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, api.StatusCode);
    }

    [Fact]
    public async Task Liveness_is_not_rate_limited()
    {
        await using var gateway = Gateway(("Gateway:RateLimit:PermitsPerSecond", "1"), ("Gateway:RateLimit:Burst", "1"), ("Gateway:RateLimit:ReplenishmentPeriod", Hour), ("Gateway:Services:0", "none"));
        using var client = gateway.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive", ct)).StatusCode);
        }

        // The same client on an API route: one request passes, the next is refused, so the limit was in force.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/catalogue/items/ANY", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/catalogue/items/ANY", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive", ct)).StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_a_request_id_and_a_given_one_is_kept()
    {
        await using var gateway = Gateway();
        using var client = gateway.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var fresh = await client.GetAsync("/api/catalogue/items/ANY", ct);
        Assert.False(string.IsNullOrWhiteSpace(fresh.Headers.GetValues("X-Request-Id").Single()));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalogue/items/ANY");
        request.Headers.Add("X-Request-Id", "client-chosen-42");
        var kept = await client.SendAsync(request, ct);
        Assert.Equal("client-chosen-42", kept.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task Cors_preflight_is_allowed_for_a_configured_origin_only()
    {
        await using var gateway = Gateway(("Gateway:CorsOrigins:0", "https://portal.example"));
        using var client = gateway.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var allowed = await client.SendAsync(Preflight("https://portal.example"), ct);
        Assert.Equal("https://portal.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());

        var refused = await client.SendAsync(Preflight("https://elsewhere.example"), ct);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/catalogue/items");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        return request;
    }
}
