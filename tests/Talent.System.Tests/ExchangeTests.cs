using System.Net;
using Aspire.Hosting.Testing;
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
        // The stand-in municipal system calls as municipal-demo too (its webhook subscription): the feed read is among the latest.
        var calls = await operators.GetFromJsonAsync<JsonElement>("/exchange/v1/admin/calls?clientId=municipal-demo&pageSize=50", ct);
        Assert.Contains(calls.GetProperty("items").EnumerateArray(), c => c.GetProperty("service").GetString() == "feed" && c.GetProperty("status").GetInt32() == 200);
        var verification = await operators.GetFromJsonAsync<JsonElement>("/exchange/v1/admin/calls/verification", ct);
        Assert.True(verification.GetProperty("intact").GetBoolean(), verification.ToString());
        var grants = await operators.GetFromJsonAsync<JsonElement>("/exchange/v1/admin/clients/municipal-demo/grants", ct);
        Assert.Contains("feed", grants.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task A_case_whose_applicant_consents_and_the_published_satisfaction_figures_reach_the_municipal_feed()
    {
        var ct = TestContext.Current.CancellationToken;

        // talent1 shares the progress of one of its submitted (demonstration) cases; the current state is shared at once.
        using var talent = system.As((await system.SignInAsync("talent1", "applications")).AccessToken!);
        JsonElement submitted = default;
        await Eventually.UntilAsync(async () => (submitted = (await talent.GetFromJsonAsync<JsonElement>("/api/applications/mine?state=Submitted&pageSize=1", ct))
            .GetProperty("items")).GetArrayLength() > 0, Deadline, "a submitted application of talent1 (demonstration data)");
        var (id, reference) = (submitted[0].GetProperty("id").GetString(), submitted[0].GetProperty("reference").GetString());
        var consent = await talent.PutAsJsonAsync($"/api/applications/{id}/sharing-consent", new { consented = true }, ct);
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.True((await consent.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("sharesProgress").GetBoolean());

        // Tokens live 40 s here: the poll takes a new client token each round (client credentials are cheap).
        List<JsonElement> events = [];
        await Eventually.UntilAsync(async () =>
        {
            using var municipal = await MunicipalAsync(ct);
            events = await AllEventsAsync(municipal, ct);
            return events.Any(e => e.GetProperty("subject").GetString() == reference) && events.Any(e => e.GetProperty("type").GetString() == "cn.talent.feedback.figures.published.v1");
        }, Deadline, "the shared case and the published figures in the feed");

        // Its state at the consent (another test may move the same demonstration case on afterwards).
        var state = events.First(e => e.GetProperty("subject").GetString() == reference);
        Assert.Equal("cn.talent.applications.application.state-changed.v1", state.GetProperty("type").GetString());
        Assert.Contains(state.GetProperty("data").GetProperty("state").GetString(), new[] { "Submitted", "Accepted", "InReview", "ReturnedForSupplement", "NotAccepted", "Withdrawn" });
        var figures = events.First(e => e.GetProperty("type").GetString() == "cn.talent.feedback.figures.published.v1").GetProperty("data");
        Assert.True(figures.GetProperty("reviews").GetInt32() > 0);
        Assert.True(figures.GetProperty("departments").GetArrayLength() > 0);

        // The stand-in municipal system subscribed as municipal-demo: it received the shared state, its signature verified.
        using var standIn = system.App.CreateHttpClient("municipal-standin");
        standIn.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", RunningSystem.StandInKey);
        await Eventually.UntilAsync(async () => (await standIn.GetFromJsonAsync<JsonElement>("/webhooks/received", ct)).EnumerateArray()
            .Any(w => w.GetProperty("subject").GetString() == reference), Deadline, "the shared state delivered to the stand-in's webhook");
    }

    private async Task<HttpClient> MunicipalAsync(CancellationToken ct)
    {
        using var token = await system.Gateway.PostAsync("/identity/connect/token", IdentityTests.Form(
            ("grant_type", "client_credentials"), ("client_id", "municipal-demo"), ("client_secret", "municipal-demo-secret")), ct);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        return system.As((await token.Content.ReadFromJsonAsync<TokenResponse>(ct))!.AccessToken!);
    }

    /// <summary>Every event the feed serves, page by page.</summary>
    private static async Task<List<JsonElement>> AllEventsAsync(HttpClient municipal, CancellationToken ct)
    {
        List<JsonElement> events = [];
        string? after = null;
        while (true)
        {
            var page = await municipal.GetFromJsonAsync<JsonElement>("/exchange/v1/feed?limit=500" + (after is null ? "" : "&after=" + after), ct);
            events.AddRange(page.GetProperty("events").EnumerateArray());
            if (!page.GetProperty("hasMore").GetBoolean())
            {
                return events;
            }

            after = page.GetProperty("next").GetString();
        }
    }
}
