using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Testing;
using Xunit;

namespace Talent.SystemTests;

/// <summary>The exchange through the gateway: the demonstration municipal system reads the directory in the change feed, and the call is in the verified log.</summary>
public sealed class ExchangeTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_municipal_system_reads_the_published_directory_as_cloudevents_and_operators_find_its_calls_in_an_intact_chain()
    {
        var ct = TestContext.Current.CancellationToken;
        using var token = await system.Gateway.PostAsync("/identity/connect/token", IdentityTests.Form(
            ("grant_type", "client_credentials"), ("client_id", "municipal-demo"), ("client_secret", "municipal-demo-secret")), ct);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        using var municipal = system.As((await token.Content.ReadFromJsonAsync<TokenResponse>(ct))!.AccessToken!);

        // The catalogue's demonstration items reach the feed (its announcement to the new consumer, or its first publication).
        List<JsonElement> events = [];
        await Eventually.UntilAsync(async () =>
        {
            var page = await municipal.GetFromJsonAsync<JsonElement>("/exchange/v1/feed?limit=500", ct);
            events = [.. page.GetProperty("events").EnumerateArray()];
            return events.Any(e => e.GetProperty("subject").GetString() == "SPOUSE-EMPLOYMENT");
        }, Deadline, "SPOUSE-EMPLOYMENT in the change feed");
        var housing = events.First(e => e.GetProperty("subject").GetString() == "SPOUSE-EMPLOYMENT");
        Assert.Equal("1.0", housing.GetProperty("specversion").GetString());
        Assert.Equal("cn.talent.catalogue.item.published.v1", housing.GetProperty("type").GetString());
        Assert.Equal("HRSS", housing.GetProperty("data").GetProperty("leadDepartment").GetString());
        Assert.Equal(events.Count, events.Select(e => e.GetProperty("id").GetString()).Distinct().Count());

        // A person is never a municipal client, whatever scope they hold.
        using var talent = system.As((await system.SignInAsync("talent1", "exchange")).AccessToken!);
        Assert.Equal(HttpStatusCode.Forbidden, (await talent.GetAsync("/exchange/v1/feed", ct)).StatusCode);

        using var operators = system.As((await system.SignInAsync("operator1", "exchange")).AccessToken!);
        var calls = await operators.GetFromJsonAsync<JsonElement>("/exchange/v1/admin/calls?clientId=municipal-demo&pageSize=5", ct);
        var last = calls.GetProperty("items")[0];
        Assert.Equal("feed", last.GetProperty("service").GetString());
        Assert.Equal(200, last.GetProperty("status").GetInt32());
        var verification = await operators.GetFromJsonAsync<JsonElement>("/exchange/v1/admin/calls/verification", ct);
        Assert.True(verification.GetProperty("intact").GetBoolean(), verification.ToString());
        var grants = await operators.GetFromJsonAsync<JsonElement>("/exchange/v1/admin/clients/municipal-demo/grants", ct);
        Assert.Contains("feed", grants.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
    }
}
