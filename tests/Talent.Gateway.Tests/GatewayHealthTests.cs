using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using static Talent.Gateway.Tests.GatewayFakeServices;

namespace Talent.Gateway.Tests;

/// <summary>The gateway's <c>/health</c> is public: statuses only, limited per address, cheap however often asked; the services' own probes stay inside.</summary>
public sealed class GatewayHealthTests
{
    private static readonly string[] Services = ["identity", "catalogue", "applications", "feedback", "matching", "notifications", "exchange"];

    [Fact]
    public async Task Health_reports_each_services_status_and_nothing_else()
    {
        var fake = new GatewayFakeServices
        {
            Health = service => service switch
            {
                "feedback" => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                {
                    Content = JsonContent.Create(new { status = "Unhealthy", checks = new { db = new { description = "Host=10.9.8.7;Password=hunter2" } } }),
                },
                "matching" => throw new HttpRequestException("Connection refused (10.9.8.7:5104)"),
                _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(new { status = "Healthy", checks = new { db = new { description = "Host=10.9.8.7" } } }) },
            },
        };
        // Past start-up: a failing service is Unhealthy, not starting (Degraded).
        await using var gateway = fake.Gateway(("Health:StartingGrace", "00:00:00"));
        using var client = gateway.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        using var response = await client.GetAsync("/health", ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        var body = JsonSerializer.Deserialize<JsonElement>(text);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(["checks", "status"], body.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        foreach (var service in Services)
        {
            Assert.Equal(["status"], checks.GetProperty(service).EnumerateObject().Select(p => p.Name));
        }

        Assert.Equal("Healthy", checks.GetProperty("identity").GetProperty("status").GetString());
        Assert.Equal("Unhealthy", checks.GetProperty("feedback").GetProperty("status").GetString());
        Assert.Equal("Unhealthy", checks.GetProperty("matching").GetProperty("status").GetString());
        Assert.DoesNotContain("10.9.8.7", text);
        Assert.DoesNotContain("refused", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_asks_each_service_at_most_once_per_cache_period_however_often_it_is_asked()
    {
        var fake = new GatewayFakeServices();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T08:00:00Z"));
        await using var gateway = fake.Gateway(("Gateway:HealthCacheDuration", "00:00:02"), ("Gateway:HealthRateLimit:Burst", "1000"))
            .WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        using var client = gateway.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var atOnce = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetAsync("/health", ct)));
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync("/health", ct)).Dispose();
        }

        Assert.All(atOnce, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(Services, s => Assert.Equal(1, fake.HealthAsked.GetValueOrDefault(s)));

        clock.Advance(TimeSpan.FromSeconds(2));
        (await client.GetAsync("/health", ct)).Dispose();
        (await client.GetAsync("/health", ct)).Dispose();
        Assert.All(Services, s => Assert.Equal(2, fake.HealthAsked.GetValueOrDefault(s)));
    }

    [Fact]
    public async Task Health_is_rate_limited_per_address()
    {
        var fake = new GatewayFakeServices();
        await using var gateway = fake.Gateway(("Gateway:HealthRateLimit:PermitsPerSecond", "1"), ("Gateway:HealthRateLimit:Burst", "1"));
        using var client = gateway.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SendAsync(From("10.0.3.1", HttpMethod.Get, "/health"), ct);
            statuses.Add(response.StatusCode);
        }

        using var elsewhere = await client.SendAsync(From("10.0.3.2", HttpMethod.Get, "/health"), ct);

        // One permit a second, one at once: a refill may fall between the four.
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.TooManyRequests), 2, 3);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_services_own_health_and_liveness_are_not_reachable_through_the_gateway()
    {
        var fake = new GatewayFakeServices();
        await using var gateway = fake.Gateway();
        using var client = gateway.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        string[] probes =
        [
            "/identity/health", "/identity/alive", "/IDENTITY/Health", "/identity/health/", "/identity//health", "/identity/%68ealth",
            "/identity/alive?verbose=1", "/identity/./health", "/identity/x/../alive", "/catalogue/health",
        ];
        var answered = new List<string>();
        foreach (var probe in probes)
        {
            using var response = await client.GetAsync(probe, ct);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                answered.Add($"{probe}: {(int)response.StatusCode}");
            }
        }

        // The route itself still forwards everything else under /identity.
        using var discovery = await client.GetAsync("/identity/.well-known/openid-configuration", ct);

        Assert.Empty(answered);
        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
        Assert.Equal(["/identity/.well-known/openid-configuration"], fake.Forwarded);
    }
}
