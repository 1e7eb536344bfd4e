using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Testing;
using Xunit;

namespace Talent.SystemTests;

/// <summary>From a demand through tiered matching and a batch to an engagement, its milestones and its rating, through the gateway.</summary>
[Collection(AloneCollection.Name)]
public sealed class MatchingTests(SystemFixture system)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private async Task<HttpClient> AsAsync(string user, string scope = "matching") => system.As((await system.SignInAsync(user, scope)).AccessToken!);

    [Fact]
    public async Task A_demand_is_matched_by_a_batch_accepted_served_milestone_by_milestone_closed_and_rated_which_updates_the_provider()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Gateway.GetAsync("/api/matching/providers", ct)).StatusCode);
        using var talent = await AsAsync("talent1");
        using var butler = await AsAsync("butler1");

        // The demonstration providers (butler1 among them) are seeded at start.
        JsonElement me = default;
        await Eventually.UntilAsync(async () => (await butler.GetAsync("/api/matching/providers/me", ct)) is { StatusCode: HttpStatusCode.OK } r && (me = await r.Content.ReadFromJsonAsync<JsonElement>(ct)).ValueKind == JsonValueKind.Object, Deadline, "the demonstration providers");
        var butlerId = me.GetProperty("id").GetString()!;
        var ratingsBefore = me.GetProperty("ratings").GetInt32();
        var others = (await talent.GetFromJsonAsync<JsonElement>("/api/matching/providers?team=butler&pageSize=100", ct)).GetProperty("items").EnumerateArray()
            .Select(p => p.GetProperty("id").GetString()!).Where(id => id != butlerId).ToList();

        var bad = await talent.PostAsJsonAsync("/api/matching/demands", new { domains = new[] { "astrology" }, stage = "pilot", serviceTypes = Array.Empty<string>(), description = "" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("domains", out _) && errors.TryGetProperty("serviceTypes", out _) && errors.TryGetProperty("description", out _));

        // A life matter only butlers serve; the person refuses every butler but butler1, so the proposal is deterministic.
        var registered = await talent.PostAsJsonAsync("/api/matching/demands", new
        {
            domains = new[] { "intelligent-connected-vehicles" },
            stage = "research",
            serviceTypes = new[] { "life" },
            description = "子女入学和人才公寓（系统测试）",
            language = "zh",
            refused = others,
        }, ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var demand = await registered.Content.ReadFromJsonAsync<JsonElement>(ct);
        var demandId = demand.GetProperty("id").GetString();
        Assert.Equal("C", demand.GetProperty("tier").GetString());
        Assert.Equal(1, demand.GetProperty("providersWanted").GetInt32());

        var candidates = await talent.GetFromJsonAsync<JsonElement>($"/api/matching/demands/{demandId}/candidates", ct);
        var first = candidates.GetProperty("candidates")[0];
        Assert.Equal(butlerId, first.GetProperty("provider").GetProperty("id").GetString());
        Assert.Equal(["domain", "serviceType", "stage", "rating", "load", "language"], first.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(first.GetProperty("score").GetInt32(), first.GetProperty("components").EnumerateArray().Sum(c => c.GetProperty("points").GetInt32()));
        Assert.DoesNotContain(candidates.GetProperty("candidates").EnumerateArray(), c => others.Contains(c.GetProperty("provider").GetProperty("id").GetString()!));
        using var enterprise = await AsAsync("enterprise1");
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.GetAsync($"/api/matching/demands/{demandId}/candidates", ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await talent.PostAsync("/api/matching/batches", null, ct)).StatusCode);
        using var operators = await AsAsync("operator1");
        var batch = await operators.PostAsync("/api/matching/batches", null, ct);
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        var result = await batch.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(result.GetProperty("total").GetInt64() >= result.GetProperty("greedyTotal").GetInt64());

        var proposals = await butler.GetFromJsonAsync<JsonElement>("/api/matching/proposals/mine", ct);
        var proposal = proposals.EnumerateArray().Single(p => p.GetProperty("demandId").GetString() == demandId);
        var proposalId = proposal.GetProperty("id").GetString();
        using var broker = await AsAsync("broker1");
        Assert.Equal(HttpStatusCode.NotFound, (await broker.PostAsync($"/api/matching/proposals/{proposalId}/accept", null, ct)).StatusCode);
        var accepted = await butler.PostAsync($"/api/matching/proposals/{proposalId}/accept", null, ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var engagementId = (await accepted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Conflict, (await butler.PostAsync($"/api/matching/proposals/{proposalId}/accept", null, ct)).StatusCode);
        Assert.Contains((await talent.GetFromJsonAsync<JsonElement>("/api/matching/engagements/mine", ct)).EnumerateArray(), e => e.GetProperty("id").GetString() == engagementId);

        // Notifications: butler1 was told of the proposal, talent1 that a butler took the demand up (first contact by a date).
        var demandReference = Guid.Parse(demandId!).ToString("N")[..8].ToUpperInvariant();
        using var butlerInbox = await AsAsync("butler1", "notifications");
        using var talentInbox = await AsAsync("talent1", "notifications");
        await Eventually.UntilAsync(() => InInboxAsync(butlerInbox, "proposed", demandReference, ct), Deadline, "the proposal in butler1's inbox");
        await Eventually.UntilAsync(() => InInboxAsync(talentInbox, "engagementStarted", demandReference, ct), Deadline, "the engagement in talent1's inbox");

        // Milestones in order, by the provider only.
        Assert.Equal(HttpStatusCode.Forbidden, (await talent.PostAsJsonAsync($"/api/matching/engagements/{engagementId}/milestones", new { milestone = "firstContact" }, ct)).StatusCode);
        var early = await butler.PostAsJsonAsync($"/api/matching/engagements/{engagementId}/milestones", new { milestone = "planAgreed" }, ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("firstContact", (await early.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("next").GetString());
        foreach (var (milestone, outcome) in new[] { ("firstContact", (string?)null), ("planAgreed", null), ("serviceDelivered", null), ("outcomeRecorded", "policy-benefit"), ("closed", null) })
        {
            Assert.Equal(HttpStatusCode.OK, (await butler.PostAsJsonAsync($"/api/matching/engagements/{engagementId}/milestones", new { milestone, note = "系统测试", outcome }, ct)).StatusCode);
        }

        // talent1 heard of each milestone and of the close, with the date to rate it by.
        await Eventually.UntilAsync(
            async () => await CountInInboxAsync(talentInbox, "milestone", demandReference, ct) == 4 && await CountInInboxAsync(talentInbox, "engagementClosed", demandReference, ct) == 1,
            Deadline, "four milestones and the close in talent1's inbox");

        // EngagementClosed → an invitation in feedback → the rating → EvaluationSubmitted → the provider's rating.
        using var rater = await AsAsync("talent1", "feedback");
        await Eventually.UntilAsync(
            async () => (await rater.GetFromJsonAsync<JsonElement>("/api/feedback/invitations/mine", ct)).EnumerateArray().Any(i => i.GetProperty("engagementId").GetString() == engagementId),
            Deadline, "EngagementClosed at the feedback service");
        Assert.Equal(HttpStatusCode.Created, (await rater.PostAsJsonAsync("/api/feedback/evaluations", new { engagementId, level = "verySatisfied", comment = "管家很专业" }, ct)).StatusCode);
        await Eventually.UntilAsync(
            async () => (await butler.GetFromJsonAsync<JsonElement>("/api/matching/providers/me", ct)).GetProperty("ratings").GetInt32() == ratingsBefore + 1,
            Deadline, "EvaluationSubmitted at the matching service");
    }

    private static async Task<int> CountInInboxAsync(HttpClient inbox, string kind, string reference, CancellationToken ct) =>
        (await inbox.GetFromJsonAsync<JsonElement>("/api/notifications/mine?pageSize=100", ct)).GetProperty("items").EnumerateArray()
            .Count(n => n.GetProperty("kind").GetString() == kind && n.GetProperty("reference").GetString() == reference);

    private static async Task<bool> InInboxAsync(HttpClient inbox, string kind, string reference, CancellationToken ct) =>
        (await inbox.GetFromJsonAsync<JsonElement>("/api/notifications/mine?pageSize=100", ct)).GetProperty("items").EnumerateArray()
            .Any(n => n.GetProperty("kind").GetString() == kind && n.GetProperty("reference").GetString() == reference);

    [Fact]
    public async Task The_demonstration_data_has_sixty_providers_across_the_three_teams_and_engagements_at_every_milestone()
    {
        var ct = TestContext.Current.CancellationToken;
        using var operators = await AsAsync("operator1");
        JsonElement providers = default;
        await Eventually.UntilAsync(async () => (providers = await operators.GetFromJsonAsync<JsonElement>("/api/matching/providers?pageSize=100", ct)).GetProperty("total").GetInt32() >= 60, Deadline, "the demonstration providers");
        // The three teams; market organisations an operator brought in (another test on this system may have) come on top.
        var teams = providers.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("team").GetString()).ToHashSet();
        Assert.Subset(teams, new HashSet<string?> { "broker", "butler", "commissioner" });
        Assert.Empty(teams.Except(["broker", "butler", "commissioner", "market"]));

        using var talent = await AsAsync("talent1");
        using var enterprise = await AsAsync("enterprise1");
        var engagements = (await talent.GetFromJsonAsync<JsonElement>("/api/matching/engagements/mine", ct)).EnumerateArray()
            .Concat((await enterprise.GetFromJsonAsync<JsonElement>("/api/matching/engagements/mine", ct)).EnumerateArray())
            .Select(e => e.GetProperty("next").ValueKind == JsonValueKind.Null ? "done" : e.GetProperty("next").GetString())
            .ToHashSet();
        Assert.Superset(new HashSet<string?> { "firstContact", "planAgreed", "serviceDelivered", "outcomeRecorded", "closed", "done" }, engagements);
        Assert.True(engagements.Count >= 6);
    }

    [Fact]
    public async Task Operators_edit_the_suggestion_rules_as_data_and_nobody_else_may()
    {
        var ct = TestContext.Current.CancellationToken;
        using var talent = await AsAsync("talent1");
        Assert.Equal(HttpStatusCode.Forbidden, (await talent.GetAsync("/api/matching/suggestion-rules", ct)).StatusCode);
        using var operators = await AsAsync("operator1");
        var read = await operators.GetAsync("/api/matching/suggestion-rules", ct);
        var etag = read.Headers.ETag!.Tag;
        var rules = await read.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Contains(rules.EnumerateArray(), r => r.GetProperty("code").GetString() == "hte-financing");

        var invalid = await PutRulesAsync(operators, new[] { new { code = "x", trigger = "whenever", itemCode = "A", team = "wizard", messageZh = "", messageEn = "" } }, etag, ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("rules[0].trigger", out _) && errors.TryGetProperty("rules[0].team", out _));
        Assert.Equal(rules.GetArrayLength(), (await operators.GetFromJsonAsync<JsonElement>("/api/matching/suggestion-rules", ct)).GetArrayLength()); // nothing half-written

        // The same list back, one rule switched off: only over the revision read (If-Match), accepted, kept and audited.
        var edited = JsonSerializer.Deserialize<List<Dictionary<string, JsonElement>>>(rules.GetRawText())!;
        edited.Single(r => r["code"].GetString() == "research-transfer")["enabled"] = JsonSerializer.SerializeToElement(false);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await operators.PutAsJsonAsync("/api/matching/suggestion-rules", edited, ct)).StatusCode);
        var switchedOff = await PutRulesAsync(operators, edited, etag, ct);
        Assert.Equal(HttpStatusCode.OK, switchedOff.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PutRulesAsync(operators, edited, etag, ct)).StatusCode); // stale now
        Assert.False((await operators.GetFromJsonAsync<JsonElement>("/api/matching/suggestion-rules", ct)).EnumerateArray().Single(r => r.GetProperty("code").GetString() == "research-transfer").GetProperty("enabled").GetBoolean());
        var audit = await operators.GetFromJsonAsync<JsonElement>("/api/matching/audit?subject=suggestion-rules&pageSize=1", ct);
        Assert.Equal(switchedOff.Headers.ETag!.Tag.Trim('"'), audit.GetProperty("items")[0].GetProperty("revision").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.Forbidden, (await talent.GetAsync("/api/matching/audit", ct)).StatusCode);

        edited.Single(r => r["code"].GetString() == "research-transfer")["enabled"] = JsonSerializer.SerializeToElement(true);
        Assert.Equal(HttpStatusCode.OK, (await PutRulesAsync(operators, edited, switchedOff.Headers.ETag!.Tag, ct)).StatusCode);
    }

    private static Task<HttpResponseMessage> PutRulesAsync<T>(HttpClient client, T rules, string etag, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/matching/suggestion-rules") { Content = JsonContent.Create(rules) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request, ct);
    }
}
