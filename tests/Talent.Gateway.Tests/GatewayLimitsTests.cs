using System.Net;
using Xunit;
using static Talent.Gateway.Tests.GatewayFakeServices;

namespace Talent.Gateway.Tests;

/// <summary>Who a request counts against: its address always, its token's subject too, and where passwords are guessed, a tighter bucket.</summary>
public sealed class GatewayLimitsTests
{
    [Fact]
    public async Task The_sign_in_form_has_the_token_endpoints_tighter_limit()
    {
        var fake = new GatewayFakeServices();
        await using var gateway = fake.Gateway(("Gateway:TokenRateLimit:PermitsPerSecond", "1"), ("Gateway:TokenRateLimit:Burst", "1"));
        using var client = gateway.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var form = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            form.Add((await client.PostAsync("/identity/account/login", new FormUrlEncodedContent([]), ct)).StatusCode);
        }

        // Showing the page is not guessing: it keeps the API allowance.
        var page = await client.GetAsync("/identity/account/login", ct);

        // One permit a second, one at once: a refill may fall between the four.
        Assert.InRange(form.Count(s => s == HttpStatusCode.TooManyRequests), 2, 3);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_counts_against_its_subject_whatever_address_it_comes_from()
    {
        var fake = new GatewayFakeServices();
        await using var gateway = fake.Gateway(("Gateway:RateLimit:PermitsPerSecond", "1"), ("Gateway:RateLimit:Burst", "2"));
        using var client = gateway.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        // Six addresses, each with a full bucket: whatever is refused is refused for the subject.
        var alice = new List<HttpStatusCode>();
        for (var i = 1; i <= 6; i++)
        {
            using var response = await client.SendAsync(From($"10.0.0.{i}", HttpMethod.Get, "/api/catalogue/items/ANY", TokenOf("alice")), ct);
            alice.Add(response.StatusCode);
        }

        // Another subject from one of those addresses still has what the address has left.
        using var bob = await client.SendAsync(From("10.0.0.6", HttpMethod.Get, "/api/catalogue/items/ANY", TokenOf("bob")), ct);

        Assert.InRange(alice.Count(s => s == HttpStatusCode.TooManyRequests), 3, 4);
        Assert.Equal(HttpStatusCode.OK, bob.StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_still_counts_against_its_address()
    {
        var fake = new GatewayFakeServices();
        await using var gateway = fake.Gateway(("Gateway:RateLimit:PermitsPerSecond", "1"), ("Gateway:RateLimit:Burst", "2"));
        using var client = gateway.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        // Six subjects, one address: the address's bucket decides.
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 6; i++)
        {
            using var response = await client.SendAsync(From("10.0.1.1", HttpMethod.Get, "/api/catalogue/items/ANY", TokenOf($"person-{i}")), ct);
            statuses.Add(response.StatusCode);
        }

        Assert.InRange(statuses.Count(s => s == HttpStatusCode.TooManyRequests), 3, 4);
    }

    [Fact]
    public async Task Requests_without_a_readable_token_count_against_their_address_only()
    {
        var fake = new GatewayFakeServices();
        await using var gateway = fake.Gateway(("Gateway:RateLimit:PermitsPerSecond", "1"), ("Gateway:RateLimit:Burst", "2"));
        using var client = gateway.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        // Anonymous, garbage, an encrypted (five-part) token, a token without a subject: one request from each of many addresses.
        string?[] bearers = [null, "not-a-jwt", "a.b.c.d.e", "e30.e30.c2ln", "x.!!!.y", null, "not-a-jwt", "e30.e30.c2ln"];
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < bearers.Length; i++)
        {
            using var response = await client.SendAsync(From($"10.0.2.{i + 1}", HttpMethod.Get, "/api/catalogue/items/ANY", bearers[i]), ct);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }
}
