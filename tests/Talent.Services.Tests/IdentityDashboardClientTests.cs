extern alias identity;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// The dashboard's operator client (<c>talent-dashboard</c>): with the secret the AppHost hands over, its token carries the
/// operator role and reaches an operator endpoint; any other secret is refused; operators cannot register that id.
/// </summary>
public sealed class IdentityDashboardClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dashboard_client_acts_as_an_operator_with_this_runs_secret_only_and_its_id_is_reserved()
    {
        var secret = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        await using var host = await ServiceHost<identity::Program>.StartAsync("identity",
            ("Identity:DemoData", "false"), ("Identity:RequireHttps", "false"), ("Identity:Issuer", "http://localhost/identity/"),
            ("Identity:DashboardClientSecret", secret));
        using var client = host.Factory.CreateClient();

        using var wrong = await TokenAsync(client, "not-" + secret);
        using var right = await TokenAsync(client, secret);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("invalid_client", (await wrong.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var token = (await right.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("access_token").GetString()!;
        using var asDashboard = host.Factory.CreateClient();
        asDashboard.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await asDashboard.GetAsync("/identity/api/keys", Ct)).StatusCode);
        var taken = await asDashboard.PostAsJsonAsync("/identity/api/clients", new
        {
            clientId = "talent-dashboard", displayName = "copy", type = "confidential", grantTypes = new[] { "client_credentials" }, scopes = new[] { "catalogue" },
        }, Ct);
        await AssertFieldAsync(taken, "clientId");
    }

    [Fact]
    public async Task Without_a_secret_the_dashboard_client_does_not_exist()
    {
        await using var host = await ServiceHost<identity::Program>.StartAsync("identity",
            ("Identity:DemoData", "false"), ("Identity:RequireHttps", "false"), ("Identity:Issuer", "http://localhost/identity/"));
        using var client = host.Factory.CreateClient();

        using var response = await TokenAsync(client, "anything");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString());
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string secret) =>
        client.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "talent-dashboard", ["client_secret"] = secret,
        }), Ct);

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
