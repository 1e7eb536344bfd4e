using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Talent.SystemTests;

/// <summary>The embedded OpenID Connect provider and the services' guards, with real tokens, through the gateway.</summary>
public sealed class IdentityTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    private static readonly object Item = CatalogueSamples.Draft(CatalogueSamples.NewCode("GUARD"), titleZh: "受保护", leadDepartment: "STI");

    [Fact]
    public async Task The_discovery_document_seen_through_the_gateway_names_the_gateway_issuer_and_endpoints()
    {
        var ct = TestContext.Current.CancellationToken;
        var discovery = await system.Gateway.GetFromJsonAsync<JsonElement>("/identity/.well-known/openid-configuration", ct);

        var issuer = new Uri(system.GatewayAddress, "/identity/").ToString();
        Assert.Equal(issuer, discovery.GetProperty("issuer").GetString());
        Assert.Equal(issuer + "connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal(issuer + "connect/authorize", discovery.GetProperty("authorization_endpoint").GetString());
        var keys = await system.Gateway.GetFromJsonAsync<JsonElement>(new Uri(discovery.GetProperty("jwks_uri").GetString()!), ct);
        Assert.NotEqual(0, keys.GetProperty("keys").GetArrayLength());
    }

    [Fact]
    public async Task The_municipal_client_gets_a_token_for_exchange_and_nothing_else()
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await system.Gateway.PostAsync("/identity/connect/token", Form(
            ("grant_type", "client_credentials"), ("client_id", "municipal-demo"), ("client_secret", "municipal-demo-secret")), ct);
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var claims = Payload(token!.AccessToken!);
        Assert.Equal("exchange", claims.GetProperty("scope").GetString());
        Assert.Equal("exchange", claims.GetProperty("aud").GetString());
        Assert.False(claims.TryGetProperty("role", out _));
    }

    [Fact]
    public async Task The_municipal_client_is_refused_a_scope_it_was_not_granted_and_a_wrong_secret()
    {
        var ct = TestContext.Current.CancellationToken;
        using var other = await system.Gateway.PostAsync("/identity/connect/token", Form(
            ("grant_type", "client_credentials"), ("client_id", "municipal-demo"), ("client_secret", "municipal-demo-secret"), ("scope", "catalogue")), ct);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);

        using var wrong = await system.Gateway.PostAsync("/identity/connect/token", Form(
            ("grant_type", "client_credentials"), ("client_id", "municipal-demo"), ("client_secret", "guess")), ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_a_guarded_endpoint_answers_401()
    {
        var ct = TestContext.Current.CancellationToken;
        var response = await system.Gateway.PostAsJsonAsync("/api/catalogue/drafts", Item, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_valid_token_without_the_needed_role_answers_403()
    {
        var ct = TestContext.Current.CancellationToken;
        using var applicant = system.As((await system.SignInAsync("talent1", "catalogue")).AccessToken!);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync("/api/catalogue/drafts", Item, ct)).StatusCode);
    }

    [Fact]
    public async Task A_token_issued_for_another_API_is_refused_by_the_catalogue()
    {
        var ct = TestContext.Current.CancellationToken;
        // An operator, but the token's scope and audience are the applications service's, not the catalogue's.
        using var operatorForOtherApi = system.As((await system.SignInAsync("operator1", "applications")).AccessToken!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await operatorForOtherApi.PostAsJsonAsync("/api/catalogue/drafts", Item, ct)).StatusCode);
    }

    [Fact]
    public async Task Staff_of_one_department_may_not_act_on_another_departments_work()
    {
        var ct = TestContext.Current.CancellationToken;
        using var staff = system.As((await system.SignInAsync("staff-sti", "catalogue")).AccessToken!);
        var code = "DEPT-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        var others = await staff.PostAsJsonAsync("/api/catalogue/drafts", CatalogueSamples.Draft(code, titleZh: "人社事项", leadDepartment: "HRSS"), ct);
        Assert.Equal(HttpStatusCode.Forbidden, others.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await system.Gateway.GetAsync($"/api/catalogue/items/{code}/versions", ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync("/api/catalogue/drafts", CatalogueSamples.Draft(code, titleZh: "科创事项", leadDepartment: "STI"), ct)).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        // Taken when the system started: accepted then (the body refused for its own reasons), 401 once its lifetime has passed.
        var (token, whileValid) = system.EarlyToken;
        Assert.Equal(HttpStatusCode.BadRequest, whileValid);
        var expires = new DateTimeOffset(new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).ValidTo, TimeSpan.Zero);
        using var client = system.As(token);
        var left = expires - DateTimeOffset.UtcNow;
        await Talent.Testing.Eventually.UntilAsync(
            async () => (await client.PostAsJsonAsync("/api/catalogue/drafts", new { code = "x" }, ct)).StatusCode == HttpStatusCode.Unauthorized,
            (left > TimeSpan.Zero ? left : TimeSpan.Zero) + TimeSpan.FromSeconds(20),
            "the token to expire");
        // Refused because it expired (no clock leeway in the test system), not for another reason before then.
        Assert.True(DateTimeOffset.UtcNow >= expires.AddSeconds(-1), $"refused at {DateTimeOffset.UtcNow:O}, before its expiry at {expires:O}");
    }

    [Fact]
    public async Task A_token_signed_by_another_key_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var forged = Forge(new Uri(system.GatewayAddress, "/identity/").ToString());
        using var client = system.As(forged);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/catalogue/drafts", Item, ct)).StatusCode);
    }

    [Fact]
    public async Task A_token_naming_another_issuer_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = system.As(Forge("https://elsewhere.example/"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/catalogue/drafts", Item, ct)).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_reused_after_rotation_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await system.SignInAsync("talent1", "catalogue offline_access");

        using var rotated = await system.Gateway.PostAsync("/identity/connect/token", Form(
            ("grant_type", "refresh_token"), ("client_id", "talent-dev"), ("refresh_token", first.RefreshToken!)), ct);
        var second = await rotated.Content.ReadFromJsonAsync<TokenResponse>(ct);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.NotEqual(first.RefreshToken, second!.RefreshToken);

        using var reused = await system.Gateway.PostAsync("/identity/connect/token", Form(
            ("grant_type", "refresh_token"), ("client_id", "talent-dev"), ("refresh_token", first.RefreshToken!)), ct);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("invalid_grant", (await reused.Content.ReadFromJsonAsync<TokenResponse>(ct))!.Error);
    }

    [Fact]
    public async Task Gateway_responses_carry_the_security_headers()
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await system.Gateway.GetAsync("/api/catalogue/items/NONE", ct);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    internal static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    internal static JsonElement Payload(string jwt) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[1])).RootElement;

    /// <summary>A well-formed token an attacker could make: operator role, catalogue audience and scope, signed by a key of their own.</summary>
    private static string Forge(string issuer)
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa.ExportParameters(true)) { KeyId = "forged" };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = "catalogue",
            Expires = DateTime.UtcNow.AddMinutes(10),
            Claims = new Dictionary<string, object> { ["sub"] = "attacker", ["role"] = "operator", ["scope"] = "catalogue" },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            TokenType = "at+jwt",
        });
    }
}
