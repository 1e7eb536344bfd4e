using System.Net.Http.Json;
using System.Text.Json;

namespace Talent.Benchmarks;

public static class Tokens
{
    /// <summary>The demonstration operator's access token (password flow of talent-dev, embedded default only).</summary>
    public static Task<string> OperatorAsync(HttpClient gateway) => SignInAsync(gateway, "operator1", "catalogue");

    /// <summary>A demonstration account's access token for one scope (password flow of talent-dev, embedded default only).</summary>
    public static async Task<string> SignInAsync(HttpClient gateway, string userName, string scope)
    {
        using var response = await gateway.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "talent-dev",
            ["username"] = userName,
            ["password"] = "Talent#2026",
            ["scope"] = scope,
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>The <c>sub</c> claim of a JWT access token (read, not validated: the benchmark only needs to know whose it is).</summary>
    public static string SubjectOf(string accessToken)
    {
        var payload = accessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - payload.Length % 4) % 4), '=');
        return JsonDocument.Parse(Convert.FromBase64String(payload)).RootElement.GetProperty("sub").GetString()!;
    }
}
