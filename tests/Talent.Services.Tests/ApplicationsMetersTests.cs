extern alias applications;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using applications::Talent.Applications.Applying;
using applications::Talent.Applications.Data;
using applications::Talent.Applications.Deadlines;
using applications::Talent.Applications.Figures;
using Microsoft.Extensions.DependencyInjection;
using Talent.Contracts.Catalogue;
using Talent.Messaging.Metrics;
using Talent.WorkingDays;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// The applications service's business meters read in-process by a <see cref="MeterListener"/> after a known sequence of
/// calls on a database of its own: each committed event counted once (a replayed submit and a refused transition count
/// nothing), and the gauges counting the open cases as the database holds them. The operator's deadline sweep endpoint too.
/// </summary>
public sealed class ApplicationsMetersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submissions_acceptances_and_returns_are_counted_once_each_and_the_gauges_count_the_open_cases()
    {
        var app = new ApplicationsFixture();
        await app.InitializeAsync();
        await using var _ = app;
        var services = app.Host.Factory.Services;
        using var meters = new MeterReading(services.GetRequiredService<IMeterFactory>(), "Talent.Applications");

        using var waiting = app.Applicant("meters-waiting");
        var submitted = await app.CompleteDraftAsync(waiting);
        Assert.Equal(HttpStatusCode.OK, (await ApplicationsFixture.SubmitAsync(waiting, submitted, "m-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApplicationsFixture.SubmitAsync(waiting, submitted, "m-1")).StatusCode); // a replay
        var (_, owner) = await app.AcceptedCaseAsync("meters-accepted");
        owner.Dispose();
        using var returning = app.Applicant("meters-returned");
        var returned = await app.CompleteDraftAsync(returning);
        Assert.Equal(HttpStatusCode.OK, (await ApplicationsFixture.SubmitAsync(returning, returned, "m-2")).StatusCode);
        using var lead = app.Staff(ApplicationsFixture.Lead, "meters-lead");
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"/api/applications/{returned}/return", new { note = "请补充盖章页" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsync($"/api/applications/{returned}/accept", null, Ct)).StatusCode); // refused

        Assert.Equal(3, meters.Sum("talent.applications.submitted"));
        Assert.Equal(3, meters.Sum("talent.applications.submitted", "channel", "online"));
        Assert.Equal(1, meters.Sum("talent.applications.accepted"));
        Assert.Equal(1, meters.Sum("talent.applications.returned_for_supplement", "department", ApplicationsFixture.Lead));
        Assert.Equal(0, meters.Sum("talent.applications.decided"));

        await services.GetRequiredService<GaugeSampling<ApplicationsDbContext>>().SampleAsync(Ct);
        Assert.Equal(2, meters.Gauge(ApplicationMeters.Open));
        Assert.Equal(1, meters.Gauge(ApplicationMeters.AwaitingSupplement));
        Assert.Equal(0, meters.Gauge(ApplicationMeters.Overdue));
        Assert.InRange(meters.Gauge(ApplicationMeters.OldestOpenAge) ?? -1, 0.001, 600);
    }

    [Fact]
    public async Task An_operator_runs_the_deadline_sweep_now_each_alert_is_raised_once_and_counted_and_staff_may_not()
    {
        // Only the operator sweeps here: the host's periodic sweep is taken out.
        await using var host = await ServiceHost<applications::Program>.StartAsync("applications",
            TestServices.ClockWithout<DeadlineSweep>(TimeProvider.System));
        var services = host.Factory.Services;
        using var meters = new MeterReading(services.GetRequiredService<IMeterFactory>(), "Talent.Applications");
        var applicant = new CaseActor("meters-late", "申请人", true, false, false, null);
        var card = new FlowCardSnapshot([], [], [new StepSnapshot(1, "审核", null, "HRSS", 1, true)], 10, 3, 0, true, true, [], []);
        var longAgo = DateTimeOffset.UtcNow.AddDays(-40);
        var late = Application.Start(applicant.Subject, applicant.Name, "ITEM", 1, "事项", card, "HRSS", "online", applicant, longAgo);
        Assert.Null(late.Submit(applicant, null, () => "TA-METERS-00001", new WorkingCalendar(ChinaHolidays.Seed), 1, longAgo));
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
            db.Applications.Add(late);
            await db.SaveChangesAsync(Ct);
        }

        using var staff = host.ClientAs(TestTokens.Staff("applications", "HRSS", "sweep-staff"));
        using var operatorClient = host.ClientAs(TestTokens.Operator("applications"));
        var refused = await staff.PostAsync("/api/applications/deadline-sweeps", null, Ct);
        var first = await operatorClient.PostAsync("/api/applications/deadline-sweeps", null, Ct);
        var second = await operatorClient.PostAsync("/api/applications/deadline-sweeps", null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, (await ApplicationsFixture.JsonAsync(first)).GetProperty("alertsRaised").GetInt32());
        Assert.Equal(0, (await ApplicationsFixture.JsonAsync(second)).GetProperty("alertsRaised").GetInt32());
        Assert.Equal(1, meters.Sum("talent.applications.overdue_alerts", "deadline", "acceptance"));
        await services.GetRequiredService<GaugeSampling<ApplicationsDbContext>>().SampleAsync(Ct);
        Assert.Equal(1, meters.Gauge(ApplicationMeters.Overdue));
    }
}
