extern alias feedback;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using feedback::Talent.Feedback.Data;
using feedback::Talent.Feedback.Evaluations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talent.Testing;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// An appeal of a bad review over HTTP on the feedback service (real database): the department that served appeals with
/// a reason, nobody else may; an operator alone decides; a review removed on appeal leaves the published figures.
/// </summary>
public sealed class FeedbackAppealTests
{
    [Fact]
    public async Task The_serving_department_appeals_a_bad_review_an_operator_removes_it_and_it_leaves_the_published_figures()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<feedback::Program>.StartAsync("feedback", ("Feedback:SweepInterval", "12:00:00"));
        var department = "D" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        // Two reviews of the department's service this month: one very satisfied, one very dissatisfied (a case opens).
        await FeedbackSeed.ReviewAsync(host.Factory.Services, department, "talent-appeal", EvaluationLevel.VerySatisfied, "态度差", fold: false, ct);
        await FeedbackSeed.ReviewAsync(host.Factory.Services, department, "talent-appeal", EvaluationLevel.VeryDissatisfied, "态度差", fold: false, ct);
        Guid caseId;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            caseId = await scope.ServiceProvider.GetRequiredService<FeedbackDbContext>().Rectifications.Where(c => c.Department == department).Select(c => c.Id).SingleAsync(ct);
        }

        using var anonymous = host.Factory.CreateClient();
        await FiguresAsync(anonymous, department, (2, 0.5), ct);

        using var serving = host.ClientAs(TestTokens.Staff("feedback", department, "appeal-staff"));
        using var otherDepartment = host.ClientAs(TestTokens.Staff("feedback", "HRSS", "appeal-other"));
        using var rater = host.ClientAs(TestTokens.Applicant("feedback", "talent-appeal"));
        using var operators = host.ClientAs(TestTokens.Operator("feedback"));
        var appeal = $"/api/feedback/rectifications/{caseId}/appeal";
        var decision = $"/api/feedback/rectifications/{caseId}/appeal-decision";

        Assert.Equal(HttpStatusCode.NotFound, (await otherDepartment.PostAsJsonAsync(appeal, new { reason = "恶意差评" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rater.PostAsJsonAsync(appeal, new { reason = "恶意差评" }, ct)).StatusCode);
        await ApplicationsFixture.AssertProblemAsync(await serving.PostAsJsonAsync(appeal, new { reason = "" }, ct), HttpStatusCode.BadRequest, "reason");
        Assert.Equal(HttpStatusCode.OK, (await serving.PostAsJsonAsync(appeal, new { reason = "评价内容与办件无关，系恶意差评" }, ct)).StatusCode);

        // The department does not decide its own appeal; an operator removes the review.
        Assert.Equal(HttpStatusCode.Forbidden, (await serving.PostAsJsonAsync(decision, new { remove = true, note = "移出" }, ct)).StatusCode);
        var decided = await operators.PostAsJsonAsync(decision, new { remove = true, note = "经核实为恶意差评，移出统计" }, ct);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var closed = await decided.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(("closed", "removedOnAppeal"), (closed.GetProperty("state").GetString(), closed.GetProperty("outcome").GetString()));

        // One review left, a satisfied one.
        await FiguresAsync(anonymous, department, (1, 1.0), ct);
    }

    /// <summary>Waits until the department's published figures (folded, then cached a few seconds) show (reviews, satisfaction).</summary>
    private static async Task FiguresAsync(HttpClient anonymous, string department, (int Reviews, double Rate) expected, CancellationToken ct)
    {
        (int, double) seen = default;
        await Eventually.UntilAsync(async () =>
        {
            var figures = await anonymous.GetFromJsonAsync<JsonElement>("/api/feedback/figures", ct);
            var mine = figures.GetProperty("departments").EnumerateArray().Where(d => d.GetProperty("department").GetString() == department)
                .Select(d => d.GetProperty("figures")).ToList();
            seen = mine is [var f] ? (f.GetProperty("reviews").GetInt32(), f.GetProperty("satisfactionRate").GetDouble()) : default;
            return seen == expected;
        }, TimeSpan.FromSeconds(30), $"the department's figures to read {expected} (last seen {seen})");
    }
}
