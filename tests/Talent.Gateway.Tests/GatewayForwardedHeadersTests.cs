using System.Net;
using Xunit;
using static Talent.Gateway.Tests.GatewayFakeServices;

namespace Talent.Gateway.Tests;

/// <summary>
/// Behind a proxy it trusts (<c>Gateway:TrustedProxies</c>, a Kubernetes ingress that ends HTTPS), the gateway counts the
/// client behind it and tells the services that client's address and scheme; anyone else's <c>X-Forwarded-*</c> is
/// ignored, so a client cannot spread itself over made-up addresses to escape its limit.
/// </summary>
public sealed class GatewayForwardedHeadersTests
{
    [Fact]
    public async Task Behind_a_trusted_proxy_the_client_it_names_is_counted_and_forwarded_and_an_untrusted_callers_claim_is_ignored()
    {
        var fake = new GatewayFakeServices();
        await using var gateway = fake.Gateway(("Gateway:TrustedProxies:0", "10.244.0.0/16"), ("Gateway:RateLimit:PermitsPerSecond", "1"), ("Gateway:RateLimit:Burst", "2"));
        using var client = gateway.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        async Task<HttpStatusCode> SendAsync(string from, string claimed)
        {
            using var request = From(from, HttpMethod.Get, "/api/catalogue/items/ANY");
            request.Headers.Add("X-Forwarded-For", claimed);
            request.Headers.Add("X-Forwarded-Proto", "https");
            using var response = await client.SendAsync(request, ct);
            return response.StatusCode;
        }

        // Through the ingress (10.244.3.7): one client over its limit, another beside it untouched.
        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            first.Add(await SendAsync("10.244.3.7", "203.0.113.1"));
        }

        var second = await SendAsync("10.244.3.7", "203.0.113.2");
        Assert.InRange(first.Count(s => s == HttpStatusCode.TooManyRequests), 2, 3);
        Assert.Equal(HttpStatusCode.OK, second);
        Assert.Contains(("203.0.113.2", "https"), fake.ForwardedClients);

        // A caller outside the trusted network: its claims change nothing; it is counted, and forwarded, as itself.
        fake.ForwardedClients.Clear();
        var claims = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            claims.Add(await SendAsync("198.51.100.9", $"203.0.113.{10 + i}"));
        }

        Assert.InRange(claims.Count(s => s == HttpStatusCode.TooManyRequests), 2, 3);
        Assert.All(fake.ForwardedClients, c => Assert.Equal(("198.51.100.9", "http"), c));
    }

    [Fact]
    public async Task Without_trusted_proxies_a_clients_own_forwarded_headers_are_never_believed()
    {
        var fake = new GatewayFakeServices();
        await using var gateway = fake.Gateway();
        using var client = gateway.CreateClient();

        using var request = From("127.0.0.1", HttpMethod.Get, "/api/catalogue/items/ANY");
        request.Headers.Add("X-Forwarded-For", "203.0.113.1");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("127.0.0.1", "http"), Assert.Single(fake.ForwardedClients));
    }
}
