using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Testing;
using Xunit;

namespace Talent.SystemTests;

/// <summary>Who may call the applications API, and the working-day calendar that operators keep.</summary>
public sealed class ApplicationsAccessAndCalendarTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private const string Item = "SPOUSE-EMPLOYMENT";

    private async Task<HttpClient> AsAsync(string user) => system.As((await system.SignInAsync(user, "applications")).AccessToken!);

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response, CancellationToken ct)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
    }

    [Fact]
    public async Task Applications_refuse_the_wrong_callers()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Gateway.GetAsync("/api/applications/mine", ct)).StatusCode);
        using var talent = await AsAsync("talent1");
        Assert.Equal(HttpStatusCode.Forbidden, (await talent.GetAsync("/api/applications/inbox", ct)).StatusCode);
        using var op = await AsAsync("operator1");
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsJsonAsync("/api/applications", new { itemCode = Item }, ct)).StatusCode);
        var unknown = await talent.PostAsJsonAsync("/api/applications", new { itemCode = "NO-SUCH-ITEM" }, ct);
        Assert.True((await ErrorsAsync(unknown, ct)).TryGetProperty("itemCode", out _));
        Assert.True((await ErrorsAsync(await talent.GetAsync("/api/applications/mine?pageSize=1000", ct), ct)).TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task Operators_edit_the_working_day_calendar_with_If_Match_and_anyone_reads_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var year = await system.Gateway.GetAsync("/api/applications/calendar/2026", ct);
        Assert.Equal(HttpStatusCode.OK, year.StatusCode);
        var body = await year.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Contains("2026-10-01", body.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()));
        Assert.Contains("2026-10-10", body.GetProperty("makeUpWorkdays").EnumerateArray().Select(d => d.GetString()));

        using var staff = await AsAsync("staff-hr");
        using var op = await AsAsync("operator1");
        var change = new { holidays = new[] { "2030-01-01", "2030-02-04" }, makeUpWorkdays = new[] { "2030-02-09" }, source = "测试 test arrangement" };
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync("/api/applications/calendar/2030", change, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await op.PutAsJsonAsync("/api/applications/calendar/2030", change, ct)).StatusCode);

        using var bad = new HttpRequestMessage(HttpMethod.Put, "/api/applications/calendar/2030") { Content = JsonContent.Create(new { holidays = Array.Empty<string>(), makeUpWorkdays = new[] { "2030-02-06" }, source = "x" }) };
        bad.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
        Assert.True((await ErrorsAsync(await op.SendAsync(bad, ct), ct)).TryGetProperty("makeUpWorkdays[0]", out _));

        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/applications/calendar/2030") { Content = JsonContent.Create(change) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
        var saved = await op.SendAsync(put, ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("\"1\"", saved.Headers.ETag!.Tag);

        // A second operator working from the year as it was before that change: 412, and the saved year stands.
        using var stale = new HttpRequestMessage(HttpMethod.Put, "/api/applications/calendar/2030") { Content = JsonContent.Create(change with { holidays = new[] { "2030-01-01" } }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
        using var refused = await op.SendAsync(stale, ct);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var kept = await system.Gateway.GetFromJsonAsync<JsonElement>("/api/applications/calendar/2030", ct);
        Assert.Equal(["2030-01-01", "2030-02-04"], kept.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()!).Order());

        // The feedback service keeps its own copy, from WorkingCalendarChanged (never asking at request time).
        Assert.Equal(HttpStatusCode.OK, (await system.Gateway.GetAsync("/api/feedback/calendar/2026", ct)).StatusCode);
        await Eventually.UntilAsync(
            async () =>
            {
                var copy = await system.Gateway.GetAsync("/api/feedback/calendar/2030", ct);
                return copy.IsSuccessStatusCode && (await copy.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("holidays").EnumerateArray().Any(d => d.GetString() == "2030-02-04");
            },
            Deadline,
            "feedback's copy of the 2030 calendar");
    }
}
