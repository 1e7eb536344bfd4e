extern alias identity;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Talent.Testing;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// Signing-key rotation on a real database, across a restart of the identity service: the new key signs from the next
/// start, and tokens the old key signed keep validating because it stays published until retired.
/// </summary>
public sealed class IdentityKeyRotationTests : IAsyncLifetime
{
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
    public async Task A_rotated_key_signs_from_the_next_start_and_tokens_signed_before_still_work_with_both_keys_published()
    {
        var ct = TestContext.Current.CancellationToken;
        string before, rotated;
        await using (var first = Start())
        {
            using var client = first.CreateClient();
            before = await OperatorTokenAsync(client, ct);
            var original = KeyIdOf(before);
            Assert.Equal([original], await PublishedKeysAsync(client, ct));

            using var rotate = new HttpRequestMessage(HttpMethod.Post, "/identity/api/keys/rotate");
            rotate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", before);
            using var answer = await client.SendAsync(rotate, ct);
            Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
            rotated = (await answer.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
            Assert.NotEqual(original, rotated);
            Assert.Equal(HttpStatusCode.OK, (await ListKeysAsync(client, before, ct)).StatusCode);

            // Until this replica starts again, the key it started with still signs.
            Assert.Equal(original, KeyIdOf(await OperatorTokenAsync(client, ct)));
        }

        await using var second = Start();
        using var restarted = second.CreateClient();
        var after = await OperatorTokenAsync(restarted, ct);
        Assert.Equal(rotated, KeyIdOf(after));
        Assert.Equal(new[] { KeyIdOf(before), rotated }.Order(), (await PublishedKeysAsync(restarted, ct)).Order());
        // Both tokens are accepted: the one the old key signed before the restart, and the new key's.
        Assert.Equal(HttpStatusCode.OK, (await ListKeysAsync(restarted, before, ct)).StatusCode);
        var keys = await (await ListKeysAsync(restarted, after, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        var signing = keys.EnumerateArray().Where(k => k.GetProperty("use").GetString() == "sig").ToList();
        Assert.Equal(rotated, signing[0].GetProperty("id").GetString()); // newest first
        Assert.All(signing, k => Assert.Equal(JsonValueKind.Null, k.GetProperty("retiredAt").ValueKind));
    }

    /// <summary>The identity service started in-process on this test's database (the same one at every start).</summary>
    private WebApplicationFactory<identity::Program> Start() => AccessIdentity.StartOn(_database, _vhost, demoData: true);

    private static async Task<string> OperatorTokenAsync(HttpClient client, CancellationToken ct)
    {
        using var response = await client.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "talent-dev", ["username"] = "operator1", ["password"] = AccessIdentity.Password, ["scope"] = "identity",
        }), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("access_token").GetString()!;
    }

    private static async Task<HttpResponseMessage> ListKeysAsync(HttpClient client, string token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/identity/api/keys");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, ct);
    }

    /// <summary>The signing keys' ids in the published key set.</summary>
    private static async Task<List<string>> PublishedKeysAsync(HttpClient client, CancellationToken ct)
    {
        var set = await client.GetFromJsonAsync<JsonElement>("/identity/.well-known/jwks", ct);
        return [.. set.GetProperty("keys").EnumerateArray().Where(k => k.GetProperty("use").GetString() == "sig").Select(k => k.GetProperty("kid").GetString()!)];
    }

    /// <summary>The <c>kid</c> in a JWT's header.</summary>
    private static string KeyIdOf(string jwt)
    {
        var header = jwt.Split('.')[0].Replace('-', '+').Replace('_', '/');
        header = header.PadRight(header.Length + (4 - header.Length % 4) % 4, '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header))).RootElement.GetProperty("kid").GetString()!;
    }
}
