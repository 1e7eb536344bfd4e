extern alias matching;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using matching::Talent.Matching.Certifications;
using Talent.Contracts.People;
using Talent.ReadModels;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// Survey before service (摸底调研 → 分层对接) over HTTP on a real database: a butler finds the talent in the people
/// directory, records a visit with the needs found as the talent's demands (tiered from the certified designation, which
/// the tier says it used), the talent sees the visit and corrects a demand, and bad visits are 400s naming the field.
/// </summary>
public sealed class MatchingSurveyVisitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Need(string description, string? designation = "high-level") =>
        new { domains = new[] { "biomedicine" }, stage = "pilot", serviceTypes = new[] { "financing" }, description, talentDesignation = designation };

    private static async Task SeedAsync(ServiceHost<matching::Program> host)
    {
        var now = DateTimeOffset.UtcNow;
        PersonCopy Person(string subject, string name, string[] roles, string? kind) =>
            PersonCopy.From(new PersonChanged(Guid.CreateVersion7(), now, subject, name, roles, null, kind, false), now);
        var certified = CertificationCopy.Of("municipal-demo", $"RC-{Guid.NewGuid():N}"[..20]);
        certified.Apply("survey-talent", "重庆英才计划", "distinguished", DateOnly.FromDateTime(now.UtcDateTime).AddYears(-1), null, false, now);
        await MatchingTestData.AddAsync(host.Factory.Services,
            [Person("survey-talent", "陈博士 Dr Chen", ["applicant"], "talent"), Person("survey-staff", "人社局 李强", ["staff"], null), certified], Ct);
    }

    [Fact]
    public async Task A_butler_records_a_visit_whose_needs_become_the_talent_s_demands_tiered_from_the_certification_and_the_talent_corrects_one()
    {
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching");
        await SeedAsync(host);
        using var butler = host.ClientAs(TestTokens.For("survey-butler", "matching", ["butler"], name: "人才管家 周敏"));

        var found = await butler.GetFromJsonAsync<JsonElement>("/api/matching/clients?q=陈博", Ct);
        Assert.Equal(["survey-talent"], found.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Empty((await butler.GetFromJsonAsync<JsonElement>("/api/matching/clients?q=李强", Ct)).EnumerateArray()); // staff are not visited

        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var recorded = await butler.PostAsJsonAsync("/api/matching/visits", new
        {
            clientId = "survey-talent", visitedOn = today.AddDays(-2), summary = "走访实验室：中试线缺资金，需对接投资机构；另需技术经理人评估专利。",
            needs = new[] { Need("中试线融资 3000 万"), Need("专利评估与转化", null) },
        }, Ct);
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync(Ct));
        var visit = await recorded.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var demands = visit.GetProperty("demands").EnumerateArray().ToList();
        Assert.Equal(2, demands.Count);
        foreach (var demand in demands)
        {
            // Declared high-level (B) or nothing, certified distinguished: tier A, and the reason names the certification.
            Assert.Equal(("A", "certified", "人才管家 周敏"), (demand.GetProperty("tier").GetString(), demand.GetProperty("designationSource").GetString(), demand.GetProperty("recordedByName").GetString()));
            Assert.Contains("重庆英才计划", demand.GetProperty("tierReason").GetString(), StringComparison.Ordinal);
        }

        using var talent = host.ClientAs(TestTokens.Applicant("matching", "survey-talent"));
        var mine = await talent.GetFromJsonAsync<JsonElement>("/api/matching/demands/mine", Ct);
        Assert.Equal(2, mine.EnumerateArray().Count(d => d.GetProperty("visitId").GetString() == visit.GetProperty("visit").GetProperty("id").GetString()));
        var about = await talent.GetFromJsonAsync<JsonElement>("/api/matching/visits/about-me", Ct);
        Assert.Contains("中试线缺资金", about[0].GetProperty("visit").GetProperty("summary").GetString(), StringComparison.Ordinal);

        var id = demands[0].GetProperty("id").GetString();
        var corrected = await talent.PutAsJsonAsync($"/api/matching/demands/{id}", new
        {
            domains = new[] { "biomedicine", "new-materials" }, stage = "pilot", serviceTypes = new[] { "financing" }, description = "中试线融资 2000 万（已有 1000 万意向）",
        }, Ct);
        Assert.True(corrected.StatusCode == HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync(Ct));
        var after = await corrected.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("中试线融资 2000 万（已有 1000 万意向）", 1, "A"), (after.GetProperty("description").GetString(), after.GetProperty("corrections").GetInt32(), after.GetProperty("tier").GetString()));

        using var someoneElse = host.ClientAs(TestTokens.Applicant("matching", "survey-other"));
        Assert.Equal(HttpStatusCode.NotFound, (await someoneElse.PutAsJsonAsync($"/api/matching/demands/{id}", Need("改别人的"), Ct)).StatusCode);
        var mineForButler = await butler.GetFromJsonAsync<JsonElement>("/api/matching/visits", Ct);
        Assert.Equal("中试线融资 2000 万（已有 1000 万意向）", mineForButler[0].GetProperty("demands").EnumerateArray().Single(d => d.GetProperty("id").GetString() == id).GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_visit_to_nobody_in_the_future_without_a_summary_or_with_a_bad_need_is_a_400_naming_each_field_and_records_nothing()
    {
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching");
        await SeedAsync(host);
        using var butler = host.ClientAs(TestTokens.For("survey-butler-2", "matching", ["butler"]));
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        var response = await butler.PostAsJsonAsync("/api/matching/visits", new
        {
            clientId = "survey-staff", visitedOn = tomorrow, summary = "", needs = new object?[] { Need("好的"), new { domains = new[] { "weather" }, stage = "pilot", serviceTypes = new[] { "financing" }, description = "x" }, null },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToList();
        Assert.Equal(["clientId", "needs[1].domains", "needs[2]", "summary", "visitedOn"], errors);
        Assert.Empty((await butler.GetFromJsonAsync<JsonElement>("/api/matching/visits", Ct)).EnumerateArray());

        var tooMany = await butler.PostAsJsonAsync("/api/matching/visits", new
        {
            clientId = "survey-talent", visitedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), summary = "走访", needs = Enumerable.Range(1, 11).Select(i => Need($"需求 {i}")).ToArray(),
        }, Ct);
        Assert.Equal(["needs"], (await tooMany.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }
}
