using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Testing;
using Xunit;

namespace Talent.SystemTests;

/// <summary>The problem-feedback window, the published figures, demand analysis and the demonstration feedback, through the gateway.</summary>
public sealed class FeedbackTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private async Task<HttpClient> AsAsync(string user) => system.As((await system.SignInAsync(user, "feedback")).AccessToken!);

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response, CancellationToken ct)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
    }

    [Fact]
    public async Task A_ticket_about_an_item_is_routed_to_its_department_answered_reopened_answered_again_and_confirmed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var talent = await AsAsync("talent1");
        var unreadable = await talent.PostAsJsonAsync("/api/feedback/tickets", new { kind = "rumour" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal("kind", (await unreadable.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("field").GetString());
        var errors = await ErrorsAsync(await talent.PostAsJsonAsync("/api/feedback/tickets", new { category = "weather", title = "", body = "x" }, ct), ct);
        Assert.True(errors.TryGetProperty("kind", out _) && errors.TryGetProperty("category", out _) && errors.TryGetProperty("title", out _));
        Assert.True((await ErrorsAsync(await talent.PostAsJsonAsync("/api/feedback/tickets", new { kind = "question", category = "employment", title = "t", body = "b", itemCode = "NO-SUCH-ITEM" }, ct), ct)).TryGetProperty("itemCode", out _));

        // The item arrives in feedback's catalogue copy as an event; until then the ticket would name an unknown item.
        HttpResponseMessage opened = null!;
        await Eventually.UntilAsync(
            async () => (opened = await talent.PostAsJsonAsync("/api/feedback/tickets", new { kind = "question", category = "other", title = "配偶就业推荐多久有结果？", body = "爱人的就业推荐提交后多久能收到岗位？", itemCode = "SPOUSE-EMPLOYMENT" }, ct)).StatusCode == HttpStatusCode.Created,
            Deadline, "SPOUSE-EMPLOYMENT in feedback's catalogue copy");
        var ticket = await opened.Content.ReadFromJsonAsync<JsonElement>(ct);
        var id = ticket.GetProperty("id").GetString();
        Assert.Equal("HRSS", ticket.GetProperty("department").GetString()); // by the item, not by the "other" category
        Assert.Equal("item", ticket.GetProperty("routedBy").GetString());
        Assert.StartsWith("FK-", ticket.GetProperty("number").GetString());

        using var sti = await AsAsync("staff-sti");
        Assert.DoesNotContain((await sti.GetFromJsonAsync<JsonElement>("/api/feedback/tickets/inbox?pageSize=100", ct)).GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await sti.PostAsJsonAsync($"/api/feedback/tickets/{id}/reply", new { reply = "x" }, ct)).StatusCode);
        using var enterprise = await AsAsync("enterprise1");
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.GetAsync($"/api/feedback/tickets/{id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await talent.GetAsync("/api/feedback/tickets/inbox", ct)).StatusCode);

        using var hr = await AsAsync("staff-hr");
        Assert.Contains((await hr.GetFromJsonAsync<JsonElement>("/api/feedback/tickets/inbox?state=open&pageSize=100", ct)).GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetString() == id);
        var replied = await hr.PostAsJsonAsync($"/api/feedback/tickets/{id}/reply", new { reply = "一般在 5 个工作日内推荐岗位。" }, ct);
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        Assert.Equal("demo-staff-hr", (await replied.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("ownerId").GetString()); // first-ask owner
        Assert.Equal(HttpStatusCode.OK, (await talent.PostAsJsonAsync($"/api/feedback/tickets/{id}/reopen", new { reason = "已经超过 5 个工作日了" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsJsonAsync($"/api/feedback/tickets/{id}/reply", new { reply = "已催办，明天联系您。" }, ct)).StatusCode);
        var confirmed = await talent.PostAsJsonAsync($"/api/feedback/tickets/{id}/confirm", new { satisfied = true }, ct);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var final = await confirmed.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("closed", final.GetProperty("state").GetString());
        Assert.Equal(1, final.GetProperty("reopened").GetInt32());
        Assert.Equal(["open", "take", "reply", "reopen", "reply", "confirm"], final.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.Contains((await talent.GetFromJsonAsync<JsonElement>("/api/feedback/tickets/mine", ct)).GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetString() == id);

        // Each reply told talent1, in the inbox, by when to confirm or reopen.
        var number = ticket.GetProperty("number").GetString();
        using var inbox = system.As((await system.SignInAsync("talent1", "notifications")).AccessToken!);
        await Eventually.UntilAsync(
            async () => (await inbox.GetFromJsonAsync<JsonElement>("/api/notifications/mine?pageSize=100", ct)).GetProperty("items").EnumerateArray()
                .Count(n => n.GetProperty("kind").GetString() == "ticketReplied" && n.GetProperty("reference").GetString() == number) == 2,
            Deadline, "both replies in talent1's inbox");
        // The ticket reached HRSS's staff (staff-hr among them) with its reply date; STI's heard nothing of it.
        using var hrInbox = system.As((await system.SignInAsync("staff-hr", "notifications")).AccessToken!);
        await Eventually.UntilAsync(
            async () => (await hrInbox.GetFromJsonAsync<JsonElement>("/api/notifications/mine?pageSize=100", ct)).GetProperty("items").EnumerateArray()
                .Any(n => n.GetProperty("kind").GetString() == "ticketOpened" && n.GetProperty("reference").GetString() == number && n.GetProperty("dueOn").ValueKind == JsonValueKind.String),
            Deadline, "the ticket in staff-hr's inbox");
        using var stiInbox = system.As((await system.SignInAsync("staff-sti", "notifications")).AccessToken!);
        Assert.DoesNotContain((await stiInbox.GetFromJsonAsync<JsonElement>("/api/notifications/mine?pageSize=100", ct)).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("reference").GetString() == number);

        // Without an item or application, the category routes it.
        var education = await talent.PostAsJsonAsync("/api/feedback/tickets", new { kind = "suggestion", category = "education", title = "建议公布学位余量", body = "希望公布各校学位余量。" }, ct);
        Assert.Equal("EDU", (await education.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("department").GetString());
    }

    [Fact]
    public async Task Published_figures_are_anonymous_and_demand_analysis_is_for_operators_only_also_as_csv()
    {
        var ct = TestContext.Current.CancellationToken;
        JsonElement figures = default;
        await Eventually.UntilAsync(
            async () => (figures = await system.Gateway.GetFromJsonAsync<JsonElement>("/api/feedback/figures", ct)).GetProperty("overall").GetProperty("reviews").GetInt32() >= 500,
            Deadline, "the demonstration reviews in the published figures");
        var departments = figures.GetProperty("departments").EnumerateArray().ToList();
        Assert.True(departments.Count >= 3);
        Assert.Equal(Enumerable.Range(1, departments.Count), departments.Select(d => d.GetProperty("rank").GetInt32()));
        // Ranked by satisfaction, best first (then the smaller share of bad reviews).
        var ranked = departments.Select(d => d.GetProperty("figures")).Select(f => (Rate: NumberOrNull(f.GetProperty("satisfactionRate")), Bad: NumberOrNull(f.GetProperty("badShare")))).ToList();
        Assert.Equal(ranked.OrderByDescending(r => r.Rate).ThenBy(r => r.Bad), ranked);
        Assert.True(ranked[0].Rate > ranked[^1].Rate, "the demonstration departments differ in satisfaction");
        Assert.True(figures.GetProperty("months").GetArrayLength() >= 6);
        var text = figures.GetRawText();
        Assert.DoesNotContain("demo-history", text); // no personal data
        Assert.DoesNotContain("applicantId", text);

        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Gateway.GetAsync("/api/feedback/analysis", ct)).StatusCode);
        using var staff = await AsAsync("staff-hr");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/feedback/analysis", ct)).StatusCode);
        using var operators = await AsAsync("operator1");
        var analysis = await operators.GetFromJsonAsync<JsonElement>("/api/feedback/analysis?top=10", ct);
        Assert.True(analysis.GetProperty("documents").GetInt32() > 100);
        Assert.InRange(analysis.GetProperty("keywords").GetArrayLength(), 5, 10);
        Assert.Contains(analysis.GetProperty("categories").EnumerateArray(), c => c.GetProperty("group").GetString() == "production");
        Assert.NotEmpty(analysis.GetProperty("stages").EnumerateArray());
        var csv = await operators.GetAsync("/api/feedback/analysis?format=csv&source=ticket", ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("dimension,group,keyword,count", await csv.Content.ReadAsStringAsync(ct));
        Assert.True((await ErrorsAsync(await operators.GetAsync("/api/feedback/analysis?format=xls&from=2026-1", ct), ct)).TryGetProperty("format", out _));
    }

    [Fact]
    public async Task The_demonstration_feedback_has_two_open_cases_one_overdue_and_tickets_in_every_state()
    {
        var ct = TestContext.Current.CancellationToken;
        using var operators = await AsAsync("operator1");
        JsonElement open = default;
        await Eventually.UntilAsync(
            async () => (open = await operators.GetFromJsonAsync<JsonElement>("/api/feedback/rectifications?pageSize=100", ct)).GetProperty("items").EnumerateArray().Any(c => c.GetProperty("overdue").GetBoolean()),
            Deadline, "the demonstration rectification cases");
        var unfinished = open.GetProperty("items").EnumerateArray().Where(c => c.GetProperty("state").GetString() != "closed").ToList();
        Assert.True(unfinished.Count >= 2);
        Assert.Contains(unfinished, c => !c.GetProperty("overdue").GetBoolean());
        Assert.NotEmpty((await operators.GetFromJsonAsync<JsonElement>("/api/feedback/rectifications?overdue=true", ct)).GetProperty("items").EnumerateArray());

        using var talent = await AsAsync("talent1");
        using var enterprise = await AsAsync("enterprise1");
        var tickets = (await talent.GetFromJsonAsync<JsonElement>("/api/feedback/tickets/mine?pageSize=100", ct)).GetProperty("items").EnumerateArray()
            .Concat((await enterprise.GetFromJsonAsync<JsonElement>("/api/feedback/tickets/mine?pageSize=100", ct)).GetProperty("items").EnumerateArray())
            .Where(t => t.GetProperty("number").GetString()!.StartsWith("FK-DEMO", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(tickets, t => t.GetProperty("state").GetString() == "open" && t.GetProperty("overdue").GetBoolean());
        Assert.Contains(tickets, t => t.GetProperty("state").GetString() == "open" && t.GetProperty("reopened").GetInt32() == 1);
        Assert.Contains(tickets, t => t.GetProperty("state").GetString() == "replied");
        Assert.Contains(tickets, t => t.GetProperty("resolution").GetString() == "confirmed");
        Assert.Contains(tickets, t => t.GetProperty("resolution").GetString() == "confirmedByTime");
    }

    // A figure of a department without reviews is null; ranked as C# orders a missing value (below every number).
    private static double? NumberOrNull(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();
}
