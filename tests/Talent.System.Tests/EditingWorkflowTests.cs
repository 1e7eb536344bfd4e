using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Testing;
using Xunit;

namespace Talent.SystemTests;

/// <summary>The catalogue's editing workflow through the gateway: draft, edit with ETags, review, publish, history, withdraw.</summary>
public sealed class EditingWorkflowTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    private static object Draft(string code, int committed = 5, int statutory = 20) => CatalogueSamples.Draft(code, committed, statutory);

    private static string NewCode() => CatalogueSamples.NewCode("WF");

    [Fact]
    public async Task A_draft_goes_from_the_departments_staff_through_review_to_the_directory_and_the_read_models()
    {
        var ct = TestContext.Current.CancellationToken;
        using var staff = system.As((await system.SignInAsync("staff-hr", "catalogue")).AccessToken!);
        using var otherStaff = system.As((await system.SignInAsync("staff-sti", "catalogue")).AccessToken!);
        using var admin = system.As((await system.SignInAsync("operator1", "catalogue")).AccessToken!);
        var code = NewCode();

        var created = await staff.PostAsJsonAsync("/api/catalogue/drafts", Draft(code), ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
        Assert.Equal("\"1\"", created.Headers.ETag!.Tag);

        // Another department's staff do not see the draft at all.
        Assert.Equal(HttpStatusCode.NotFound, (await otherStaff.GetAsync($"/api/catalogue/drafts/{id}", ct)).StatusCode);

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await staff.PutAsJsonAsync($"/api/catalogue/drafts/{id}", Draft(code, committed: 4), ct)).StatusCode);
        var edited = await Put(staff, id!, Draft(code, committed: 4), "\"1\"", ct);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await Put(staff, id!, Draft(code, committed: 3), "\"1\"", ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/catalogue/drafts/{id}/submit", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/catalogue/drafts/{id}/publish", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/catalogue/drafts/{id}/return", new { comment = "" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/catalogue/drafts/{id}/publish", null, ct)).StatusCode);

        var item = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/catalogue/items/{code}", ct);
        Assert.Equal("人才配偶就业", item.GetProperty("content").GetProperty("titleZh").GetString());
        Assert.Equal(4, item.GetProperty("flowCard").GetProperty("committedLimitDays").GetInt32());
        await Eventually.UntilAsync(async () => (await system.Gateway.GetAsync($"/api/applications/catalogue/{code}", ct)).IsSuccessStatusCode, TimeSpan.FromSeconds(30), "the applications copy");
        // The event carried the flow card the applications service will validate and time applications against.
        var card = (await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/applications/catalogue/{code}", ct)).GetProperty("flowCard");
        Assert.Equal(4, card.GetProperty("committedLimitDays").GetInt32());
        Assert.Equal("spouseName", card.GetProperty("form")[0].GetProperty("code").GetString());
        Assert.Equal("HRSS", card.GetProperty("steps")[1].GetProperty("department").GetString());

        // A published version never changes: the refusal names the state and what is possible instead.
        var late = await Put(staff, id!, Draft(code, committed: 2), "\"4\"", ct);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var problem = await late.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("Published", problem.GetProperty("state").GetString());
        Assert.Contains("new-draft", problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task A_new_version_is_drafted_from_the_published_one_and_the_history_shows_the_difference_then_withdrawal()
    {
        var ct = TestContext.Current.CancellationToken;
        using var staff = system.As((await system.SignInAsync("staff-hr", "catalogue")).AccessToken!);
        using var admin = system.As((await system.SignInAsync("operator1", "catalogue")).AccessToken!);
        var code = NewCode();
        var first = (await (await staff.PostAsJsonAsync("/api/catalogue/drafts", Draft(code), ct)).Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
        await staff.PostAsync($"/api/catalogue/drafts/{first}/submit", null, ct);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/catalogue/drafts/{first}/publish", null, ct)).StatusCode);

        var next = await staff.PostAsync($"/api/catalogue/items/{code}/drafts", null, ct);
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        var second = await next.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        var secondId = second.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Put(staff, secondId, Draft(code, committed: 4), next.Headers.ETag!.Tag, ct)).StatusCode);
        await staff.PostAsync($"/api/catalogue/drafts/{secondId}/submit", null, ct);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/catalogue/drafts/{secondId}/publish", null, ct)).StatusCode);

        var history = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/catalogue/items/{code}/versions", ct);
        Assert.Equal(["Published", "Superseded"], history.EnumerateArray().Select(v => v.GetProperty("state").GetString()));
        // Anonymous readers see what was published, not who edited it or what the review said.
        Assert.All(history.EnumerateArray(), v =>
        {
            Assert.False(v.TryGetProperty("lastEditedBy", out _));
            Assert.False(v.TryGetProperty("returnComment", out _));
        });
        var diff = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/catalogue/items/{code}/versions/1/diff/2", ct);
        var change = Assert.Single(diff.EnumerateArray());
        Assert.Equal("flowCard.committedLimitDays", change.GetProperty("path").GetString());
        Assert.Equal(("5", "4"), (change.GetProperty("before").GetString(), change.GetProperty("after").GetString()));

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/catalogue/items/{code}/withdraw", new { reason = "政策调整" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/catalogue/items/{code}/withdraw", new { reason = "政策调整 Policy changed" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await system.Gateway.GetAsync($"/api/catalogue/items/{code}", ct)).StatusCode);
        foreach (var service in new[] { "applications", "matching" })
        {
            await Eventually.UntilAsync(
                async () => (await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/{service}/catalogue/{code}", ct)).GetProperty("withdrawn").GetBoolean(),
                TimeSpan.FromSeconds(30),
                $"{service}'s copy marked withdrawn");
        }
    }

    [Fact]
    public async Task A_draft_breaking_the_flow_card_rules_is_refused_with_each_field_named_and_nothing_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        using var staff = system.As((await system.SignInAsync("staff-hr", "catalogue")).AccessToken!);
        var code = NewCode();

        var refused = await staff.PostAsJsonAsync("/api/catalogue/drafts", Draft(code, committed: 25, statutory: 20), ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("flowCard.committedLimitDays", out _));
        // Nothing was stored under the code: a valid draft takes it now, and a second one is refused as a duplicate
        // (so a draft left behind by the refusal would have made the first one fail too).
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync("/api/catalogue/drafts", Draft(code), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync("/api/catalogue/drafts", Draft(code), ct)).StatusCode);
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, string id, object body, string etag, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/catalogue/drafts/{id}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request, ct);
    }
}
