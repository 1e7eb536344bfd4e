using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Testing;
using Xunit;
using static Talent.SystemTests.ApplyingTests;

namespace Talent.SystemTests;

/// <summary>What follows a decision, through the gateway: the invitation to rate, a bad review's rectification, the proactive suggestion.</summary>
public sealed class AfterDecisionTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    /// <summary>talent1's spouse-employment application, submitted with its CV, accepted, both steps done and approved by HRSS.</summary>
    private async Task<(string Id, string Reference)> DecidedAsync(CancellationToken ct)
    {
        using var talent = system.As((await system.SignInAsync("talent1", "applications")).AccessToken!);
        var id = (await DraftAsync(system, talent, ct)).GetProperty("id").GetString()!;
        var answers = new { contactName = "张明", contactPhone = "13800000000", spouseName = "王丽", preferredSectors = new[] { "enterprise" } };
        Assert.Equal(HttpStatusCode.OK, (await talent.PutAsJsonAsync($"/api/applications/{id}", new { answers }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(talent, id, "resume", Pdf, "cv.pdf", ct)).StatusCode);
        var submitted = await SubmitAsync(talent, id, "k-" + id, ct);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        using var hr = system.As((await system.SignInAsync("staff-hr", "applications")).AccessToken!);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/applications/{id}/accept", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/applications/{id}/steps/1/complete", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/applications/{id}/steps/2/complete", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsJsonAsync($"/api/applications/{id}/decide", new { approved = true, decision = "同意推荐至三家企业面试" }, ct)).StatusCode);
        return (id, (await submitted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("reference").GetString()!);
    }

    /// <summary>talent1's feedback client, once the decided application's invitation to rate has reached the feedback service.</summary>
    private async Task<HttpClient> InvitedAsync(string reference, CancellationToken ct)
    {
        var rater = system.As((await system.SignInAsync("talent1", "feedback")).AccessToken!);
        await Eventually.UntilAsync(
            async () => (await rater.GetFromJsonAsync<JsonElement>("/api/feedback/invitations/mine", ct)).EnumerateArray().Any(i => i.GetProperty("reference").GetString() == reference),
            Deadline,
            "ApplicationDecided at the feedback service (an invitation to rate)");
        return rater;
    }

    [Fact]
    public async Task A_decision_invites_the_applicant_to_rate_once_with_one_addition_and_nobody_else_may()
    {
        var ct = TestContext.Current.CancellationToken;
        var (id, reference) = await DecidedAsync(ct);
        using var rater = await InvitedAsync(reference, ct);

        // 一事一评: the applicant rates it once, with one addition; nobody else can.
        var applicationId = Guid.Parse(id);
        using var otherRater = system.As((await system.SignInAsync("enterprise1", "feedback")).AccessToken!);
        Assert.Equal(HttpStatusCode.NotFound, (await otherRater.PostAsJsonAsync("/api/feedback/evaluations", new { applicationId, level = "satisfied" }, ct)).StatusCode);
        Assert.True((await ErrorsAsync(await rater.PostAsJsonAsync("/api/feedback/evaluations", new { applicationId, scores = new { efficiency = 9 } }, ct), ct)).TryGetProperty("scores.efficiency", out _));
        var rated = await rater.PostAsJsonAsync("/api/feedback/evaluations", new { applicationId, level = "dissatisfied", scores = new { efficiency = 2, attitude = 4 }, tags = new[] { "等待久" }, comment = "推荐岗位与专业不符", channel = "mobile" }, ct);
        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        var evaluation = (await rated.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Conflict, (await rater.PostAsJsonAsync("/api/feedback/evaluations", new { applicationId, level = "verySatisfied" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rater.PostAsJsonAsync($"/api/feedback/evaluations/{evaluation}/follow-up", new { comment = "后来重新推荐了合适岗位" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await rater.PostAsJsonAsync($"/api/feedback/evaluations/{evaluation}/follow-up", new { comment = "再追评" }, ct)).StatusCode);
        var mine = await rater.GetFromJsonAsync<JsonElement>("/api/feedback/evaluations/mine", ct);
        Assert.Equal("dissatisfied", mine.EnumerateArray().Single(e => e.GetProperty("id").GetString() == evaluation).GetProperty("level").GetString());
    }

    [Fact]
    public async Task A_bad_review_opens_a_rectification_for_the_serving_department_alone_which_closes_it_after_verifying_rectifying_and_a_return_visit()
    {
        var ct = TestContext.Current.CancellationToken;
        var (id, reference) = await DecidedAsync(ct);
        using var rater = await InvitedAsync(reference, ct);
        var rated = await rater.PostAsJsonAsync("/api/feedback/evaluations", new { applicationId = Guid.Parse(id), level = "dissatisfied", comment = "推荐岗位与专业不符" }, ct);
        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        var evaluation = (await rated.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();

        // The bad review opened a rectification case for the department that served (HRSS), with its owner.
        using var hrCases = system.As((await system.SignInAsync("staff-hr", "feedback")).AccessToken!);
        var cases = await hrCases.GetFromJsonAsync<JsonElement>("/api/feedback/rectifications?pageSize=100", ct);
        var rectification = cases.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("evaluationId").GetString() == evaluation);
        Assert.Equal("HRSS", rectification.GetProperty("department").GetString());
        Assert.Equal("demo-staff-hr", rectification.GetProperty("ownerId").GetString());
        Assert.Equal("raised", rectification.GetProperty("state").GetString());
        var caseId = rectification.GetProperty("id").GetString();

        // Another department neither sees nor handles it; the person who rated cannot reach the departments' routes.
        using var stiCases = system.As((await system.SignInAsync("staff-sti", "feedback")).AccessToken!);
        Assert.DoesNotContain((await stiCases.GetFromJsonAsync<JsonElement>("/api/feedback/rectifications?pageSize=100", ct)).GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == caseId);
        Assert.Equal(HttpStatusCode.NotFound, (await stiCases.PostAsync($"/api/feedback/rectifications/{caseId}/start-verification", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rater.GetAsync("/api/feedback/rectifications", ct)).StatusCode);

        // The loop: verify, rectify, return visit; out of order is 409 with the allowed actions.
        var outOfOrder = await hrCases.PostAsJsonAsync($"/api/feedback/rectifications/{caseId}/rectify", new { changes = "x" }, ct);
        Assert.Equal(HttpStatusCode.Conflict, outOfOrder.StatusCode);
        Assert.Contains("start-verification", (await outOfOrder.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.True((await ErrorsAsync(await hrCases.PostAsJsonAsync($"/api/feedback/rectifications/{caseId}/verify", new { findings = "" }, ct), ct)).TryGetProperty("findings", out _));
        Assert.Equal(HttpStatusCode.OK, (await hrCases.PostAsync($"/api/feedback/rectifications/{caseId}/start-verification", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hrCases.PostAsJsonAsync($"/api/feedback/rectifications/{caseId}/verify", new { findings = "岗位推荐未匹配专业，属实" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hrCases.PostAsJsonAsync($"/api/feedback/rectifications/{caseId}/rectify", new { changes = "按专业重新推荐三个岗位" }, ct)).StatusCode);
        var closed = await hrCases.PostAsJsonAsync($"/api/feedback/rectifications/{caseId}/return-visit", new { satisfied = true, note = "已满意" }, ct);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var closedCase = await closed.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("closed", closedCase.GetProperty("state").GetString());
        Assert.Equal("rectified", closedCase.GetProperty("outcome").GetString());
        Assert.Equal(["raise", "start-verification", "verify", "rectify", "return-visit"], closedCase.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task An_approved_spouse_employment_application_suggests_childrens_schooling_once_and_a_dismissed_suggestion_is_gone()
    {
        var ct = TestContext.Current.CancellationToken;
        var (id, _) = await DecidedAsync(ct);

        // Proactive suggestion (主动感知): the approved spouse-employment application suggests children's schooling, once; dismissed, it is gone.
        using var suggested = system.As((await system.SignInAsync("talent1", "matching")).AccessToken!);
        JsonElement suggestion = default;
        await Eventually.UntilAsync(
            async () => (await suggested.GetFromJsonAsync<JsonElement>("/api/matching/suggestions/mine", ct)).EnumerateArray().Any(s => (suggestion = s).GetProperty("sourceApplicationId").GetString() == id),
            Deadline, "ApplicationDecided at the matching service (a suggestion)");
        Assert.Equal("CHILD-SCHOOLING", suggestion.GetProperty("itemCode").GetString());
        Assert.Single((await suggested.GetFromJsonAsync<JsonElement>("/api/matching/suggestions/mine", ct)).EnumerateArray(), s => s.GetProperty("sourceApplicationId").GetString() == id);
        var suggestionId = suggestion.GetProperty("id").GetString();

        // …and told of it in the inbox (SuggestionMade → notifications), quoting the suggestion's first eight characters.
        using var inbox = system.As((await system.SignInAsync("talent1", "notifications")).AccessToken!);
        var reference = Guid.Parse(suggestionId!).ToString("N")[..8].ToUpperInvariant();
        await Eventually.UntilAsync(
            async () => (await inbox.GetFromJsonAsync<JsonElement>("/api/notifications/mine?pageSize=100", ct)).GetProperty("items").EnumerateArray()
                .Any(n => n.GetProperty("kind").GetString() == "suggested" && n.GetProperty("reference").GetString() == reference),
            Deadline, "the suggestion in talent1's inbox");
        Assert.Equal(HttpStatusCode.NotFound, (await system.As((await system.SignInAsync("enterprise1", "matching")).AccessToken!).PostAsync($"/api/matching/suggestions/{suggestionId}/dismiss", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await suggested.PostAsync($"/api/matching/suggestions/{suggestionId}/dismiss", null, ct)).StatusCode);
        Assert.DoesNotContain((await suggested.GetFromJsonAsync<JsonElement>("/api/matching/suggestions/mine", ct)).EnumerateArray(), s => s.GetProperty("id").GetString() == suggestionId);
    }
}
