extern alias applications;
using System.Net;
using System.Net.Http.Json;
using applications::Talent.Applications.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talent.Messaging.Outbox;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// Over HTTP, on the applications service: not accepting an application (不予受理) with its reason, by the lead
/// department alone, final; and handing a case over, by its owner alone (colleagues, applicants and other departments
/// are refused and the owner stays).
/// </summary>
public sealed class ApplicationsRefusalAndHandoverTests(ApplicationsFixture app) : IClassFixture<ApplicationsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_lead_department_does_not_accept_a_submission_with_its_reason_which_the_applicant_reads_and_nothing_follows()
    {
        using var applicant = app.Applicant("refused-applicant");
        var id = await app.CompleteDraftAsync(applicant);
        Assert.Equal(HttpStatusCode.OK, (await ApplicationsFixture.SubmitAsync(applicant, id, "refused-1")).StatusCode);
        using var other = app.Staff(ApplicationsFixture.StepDepartment, "refused-step-staff");
        using var lead = app.Staff(ApplicationsFixture.Lead, "refused-lead");
        const string reason = "申请人不在本区工作，不属于受理范围";

        // The applicant is not staff; a step's department is not the lead; a refusal without a reason names the field.
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync($"/api/applications/{id}/refuse", new { reason }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/applications/{id}/refuse", new { reason }, Ct)).StatusCode);
        await ApplicationsFixture.AssertProblemAsync(await lead.PostAsJsonAsync($"/api/applications/{id}/refuse", new { reason = " " }, Ct), HttpStatusCode.BadRequest, "reason");
        Assert.Equal("Submitted", (await ApplicationsFixture.GetAsync(applicant, $"/api/applications/{id}")).GetProperty("state").GetString());

        var refused = await lead.PostAsJsonAsync($"/api/applications/{id}/refuse", new { reason }, Ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("NotAccepted", (await ApplicationsFixture.JsonAsync(refused)).GetProperty("state").GetString());

        var history = await ApplicationsFixture.GetAsync(applicant, $"/api/applications/{id}/history");
        Assert.Equal(["create", "submit", "refuse"], history.EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.Contains(reason, history.EnumerateArray().Last().GetRawText(), StringComparison.Ordinal);

        // One ApplicationRefused, with the reason, in the same transaction (the notifications service tells the applicant).
        await using (var scope = app.Host.Factory.Services.CreateAsyncScope())
        {
            var bodies = await scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>().Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.MessageType.EndsWith(".ApplicationRefused")).Select(m => m.Body).ToListAsync(Ct);
            var body = Assert.Single(bodies, b => b.Contains(id.ToString(), StringComparison.Ordinal));
            Assert.Contains(reason, System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }

        // Final: neither accepted afterwards nor refused again.
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsync($"/api/applications/{id}/accept", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsJsonAsync($"/api/applications/{id}/refuse", new { reason }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Only_the_owner_hands_a_case_over_colleagues_applicants_and_other_departments_are_refused_and_the_owner_stays()
    {
        var (id, owner) = await app.AcceptedCaseAsync("handover-refusals");
        using (owner)
        {
            var ownerId = (await ApplicationsFixture.GetAsync(owner, $"/api/applications/{id}")).GetProperty("owner").GetProperty("id").GetString();
            var to = new { toStaffId = "handover-refusals-colleague", toDepartment = ApplicationsFixture.Lead, reason = "休假" };

            using var colleague = app.Staff(ApplicationsFixture.Lead, "handover-refusals-colleague");
            Assert.Equal(HttpStatusCode.Forbidden, (await colleague.PostAsJsonAsync($"/api/applications/{id}/handover", to, Ct)).StatusCode);
            using var applicant = app.Applicant("handover-refusals-applicant");
            Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync($"/api/applications/{id}/handover", to, Ct)).StatusCode);
            using var stranger = app.Staff("STI", "handover-refusals-stranger");
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/applications/{id}/handover", to, Ct)).StatusCode);

            var view = await ApplicationsFixture.GetAsync(owner, $"/api/applications/{id}");
            Assert.Equal(ownerId, view.GetProperty("owner").GetProperty("id").GetString());
            Assert.DoesNotContain(
                (await ApplicationsFixture.GetAsync(owner, $"/api/applications/{id}/history")).EnumerateArray(),
                h => h.GetProperty("action").GetString() == "handover");
        }
    }
}
