extern alias applications;
using applications::Talent.Applications.Applying;
using applications::Talent.Applications.Calendar;
using applications::Talent.Applications.Data;
using applications::Talent.Applications.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Talent.Contracts.Applications;
using Talent.Contracts.Catalogue;
using Talent.WorkingDays;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// The deadline sweep on a real database, on a clock the test moves (the zone's dates worked out by hand on the 2026
/// calendar): each alert raised once, due soon before overdue, acceptance and decision deadlines, no alert while the
/// clock is paused, and the due-soon window following a change of the calendar. Counted in the outbox. Only the test
/// sweeps: the host's own periodic sweep, fired when the clock moves, once held the rows the test's sweep then skipped.
/// </summary>
public sealed class DeadlineSweepTests
{
    // Step 1 counts (one working day), step 2 (a public notice) does not; decision within 3 working days of acceptance.
    private static readonly FlowCardSnapshot Card = new(
        [], [], [new StepSnapshot(1, "审核", null, "HRSS", 1, true), new StepSnapshot(2, "公示", null, "HRSS", 5, false)], 10, 3, 0, true, true, [], []);

    private static readonly CaseActor Applicant = new("talent-x", "申请人", true, false, false, null);
    private static readonly CaseActor Staff = new("staff-hr", "人社", false, true, false, "HRSS");
    private static readonly WorkingCalendar Calendar = new(ChinaHolidays.Seed);

    // Thursday 26 November 2026, 10:00 in the zone (UTC+8); instants in UTC, as the service keeps them.
    private static readonly DateTimeOffset Thursday = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private static int counter;

    [Fact]
    public async Task Acceptance_and_decision_deadlines_are_due_soon_then_overdue_once_each_never_while_paused_and_the_window_follows_a_calendar_change()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Thursday);
        await using var host = await ServiceHost<applications::Program>.StartAsync("applications",
            TestServices.ClockWithout<DeadlineSweep>(clock));
        var services = host.Factory.Services;
        Guid acceptance, decision, paused;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
            var a = Submitted();                                    // acceptance due Fri 27 Nov
            var b = Submitted();
            Assert.Null(b.Accept(Staff, Calendar, Thursday));        // decision due Tue 1 Dec (Fri 27, Mon 30, Tue 1)
            var c = Submitted();
            Assert.Null(c.Accept(Staff, Calendar, Thursday));
            Assert.Null(c.CompleteStep(1, Staff, Calendar, Thursday)); // the notice: the clock stops
            Assert.Null(c.RunningDeadline);
            db.Applications.AddRange(a, b, c);
            await db.SaveChangesAsync(ct);
            (acceptance, decision, paused) = (a.Id, b.Id, c.Id);
        }

        Assert.Equal(new DateOnly(2026, 11, 27), await DueOnAsync(services, acceptance, ct));
        Assert.Equal(new DateOnly(2026, 12, 1), await DueOnAsync(services, decision, ct));
        var sweep = services.GetRequiredService<DeadlineSweep>();

        // Thursday: due soon means due by the next working day (Friday): the acceptance only.
        await sweep.SweepAsync(ct);
        Assert.Equal((1, 0), await AlertsAsync(services, acceptance, ct));
        Assert.Equal((0, 0), await AlertsAsync(services, decision, ct));

        // Monday 30 November is declared a day off (as operators do on another replica, through the calendar's table).
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
            var year = await db.CalendarYears.SingleAsync(y => y.Year == 2026, ct);
            year.Holidays = [.. year.Holidays, new DateOnly(2026, 11, 30)];
            year.Revision++;
            await db.SaveChangesAsync(ct);
        }

        // Friday: the next working day is now Tuesday, so the decision due on Tuesday is due soon (it would not be with
        // Monday a working day); the acceptance is due today, not overdue, and is not raised again.
        clock.SetUtcNow(Thursday.AddDays(1));
        await sweep.SweepAsync(ct);
        Assert.Equal((1, 0), await AlertsAsync(services, acceptance, ct));
        Assert.Equal((1, 0), await AlertsAsync(services, decision, ct));

        // Tuesday 1 December: the acceptance (due Friday) is overdue; the decision is due today.
        clock.SetUtcNow(Thursday.AddDays(5));
        await sweep.SweepAsync(ct);
        Assert.Equal((1, 1), await AlertsAsync(services, acceptance, ct));
        Assert.Equal((1, 0), await AlertsAsync(services, decision, ct));

        // Wednesday: the decision is overdue. Sweeping again at the same moment raises nothing more.
        clock.SetUtcNow(Thursday.AddDays(6));
        await sweep.SweepAsync(ct);
        Assert.Equal(0, await sweep.SweepAsync(ct));
        Assert.Equal((1, 1), await AlertsAsync(services, acceptance, ct));
        Assert.Equal((1, 1), await AlertsAsync(services, decision, ct));

        // The paused case (its decision would have been due Tuesday too) was never alerted.
        Assert.Equal((0, 0), await AlertsAsync(services, paused, ct));

        // Each alert names its case and the deadline it is about.
        await AssertAlertAsync<ApplicationDueSoon>(services, acceptance, "acceptance", new DateOnly(2026, 11, 27), ct);
        await AssertAlertAsync<ApplicationOverdue>(services, acceptance, "acceptance", new DateOnly(2026, 11, 27), ct);
        await AssertAlertAsync<ApplicationOverdue>(services, decision, "decision", new DateOnly(2026, 12, 1), ct);
    }

    private static async Task AssertAlertAsync<TAlert>(IServiceProvider services, Guid id, string deadline, DateOnly due, CancellationToken ct)
        where TAlert : class
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id, ct);
        var body = (await db.Database.SqlQuery<string>(
            $"""SELECT body::text AS "Value" FROM outbox_messages WHERE message_type LIKE {"%" + typeof(TAlert).Name + "%"} AND body::text LIKE {"%" + id + "%"}""").ToListAsync(ct)).Single();
        var alert = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Assert.Equal(application.Reference, alert.GetProperty("reference").GetString());
        Assert.Equal(application.ItemCode, alert.GetProperty("itemCode").GetString());
        Assert.Equal(application.LeadDepartment, alert.GetProperty("leadDepartment").GetString());
        Assert.Equal(application.OwnerId, alert.GetProperty("ownerId").GetString());
        Assert.Equal(deadline, alert.GetProperty("deadline").GetString());
        Assert.Equal(due, DateOnly.Parse(alert.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Two_sweeps_at_once_raise_each_due_soon_and_overdue_alert_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Thursday);
        await using var host = await ServiceHost<applications::Program>.StartAsync("applications",
            TestServices.ClockWithout<DeadlineSweep>(clock));
        var services = host.Factory.Services;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
            for (var i = 0; i < 40; i++)
            {
                // Half submitted three weeks earlier (acceptance overdue), half just now (acceptance due tomorrow).
                db.Applications.Add(Submitted(i % 2 == 0 ? Thursday.AddDays(-21) : Thursday));
            }

            await db.SaveChangesAsync(ct);
        }

        var sweep = services.GetRequiredService<DeadlineSweep>();
        await Task.WhenAll(sweep.SweepAsync(ct), sweep.SweepAsync(ct));
        Assert.Equal(0, await sweep.SweepAsync(ct));
        Assert.Equal(20, await CountAsync(services, "ApplicationOverdue", null, ct));
        Assert.Equal(20, await CountAsync(services, "ApplicationDueSoon", null, ct));
    }

    [Fact]
    public async Task A_sweep_finds_the_cases_with_an_alert_to_raise_through_their_indexes_among_many_already_alerted()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Thursday);
        await using var host = await ServiceHost<applications::Program>.StartAsync("applications",
            TestServices.ClockWithout<DeadlineSweep>(clock));
        var services = host.Factory.Services;
        Guid overdue, dueSoon;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
            var (late, soon) = (Submitted(Thursday.AddDays(-21)), Submitted(Thursday));
            db.Applications.AddRange(late, soon);
            await db.SaveChangesAsync(ct);
            (overdue, dueSoon) = (late.Id, soon.Id);
            // 20,000 open cases overdue for a fortnight, both alerts raised: a sweep that read every open case in the window would read them all.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO applications (id, reference, applicant_id, applicant_name, item_code, item_version, item_title_zh, lead_department, departments, channel,
                    state, answers, materials, steps, history, created_at, submitted_at, acceptance_deadline, committed_limit_days, paused_days, awaiting_department, due_on,
                    in_person_visits, revision, due_soon_raised_for, overdue_raised_for)
                SELECT gen_random_uuid(), 'TS-' || lpad(n::text, 9, '0'), 'talent-many', '申请人', 'ITEM', 1, '事项', 'HRSS', ARRAY['HRSS'], 'online',
                    'Submitted', '{{}}', '[]', '[]', '[]', now(), now(), DATE '2026-11-12', 5, 0, 'HRSS', DATE '2026-11-12', 0, 1,
                    'acceptance:2026-11-12', 'acceptance:2026-11-12'
                FROM generate_series(1, 20000) AS n
                """, ct);
            await db.Database.ExecuteSqlRawAsync("ANALYZE applications", ct);
        }

        string[] indexes = ["ix_applications_overdue_pending", "ix_applications_due_soon_pending"];
        var before = await Task.WhenAll(indexes.Select(index => IndexScansAsync(services, index, ct)));
        var sweep = services.GetRequiredService<DeadlineSweep>();
        Assert.Equal(2, await sweep.SweepAsync(ct));
        Assert.Equal((0, 1), await AlertsAsync(services, overdue, ct));
        Assert.Equal((1, 0), await AlertsAsync(services, dueSoon, ct));
        // PostgreSQL counts index scans in its statistics, reported by the sweep's connection within a second or so.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        for (var i = 0; i < indexes.Length; i++)
        {
            while (await IndexScansAsync(services, indexes[i], ct) <= before[i])
            {
                Assert.True(DateTime.UtcNow < deadline, $"the sweep did not read {indexes[i]}");
                await Task.Delay(200, ct);
            }
        }
    }

    private static async Task<long> IndexScansAsync(IServiceProvider services, string index, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>().Database;
        return (await database.SqlQuery<long>(
            $"""SELECT coalesce(sum(idx_scan), 0)::bigint AS "Value" FROM pg_stat_user_indexes WHERE indexrelname = {index}""").ToListAsync(ct)).Single();
    }

    private static Application Submitted(DateTimeOffset? at = null)
    {
        var when = at ?? Thursday;
        var application = Application.Start(Applicant.Subject, Applicant.Name, "ITEM", 1, "事项", Card, "HRSS", "online", Applicant, when);
        Assert.Null(application.Submit(Applicant, null, () => $"TA-SWEEP-{Interlocked.Increment(ref counter):D5}", Calendar, 1, when));
        return application;
    }

    private static async Task<DateOnly?> DueOnAsync(IServiceProvider services, Guid id, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>().Applications.AsNoTracking().SingleAsync(a => a.Id == id, ct)).DueOn;
    }

    /// <summary>(due soon, overdue) alerts recorded for one application.</summary>
    private static async Task<(int DueSoon, int Overdue)> AlertsAsync(IServiceProvider services, Guid id, CancellationToken ct) =>
        (await CountAsync(services, "ApplicationDueSoon", id, ct), await CountAsync(services, "ApplicationOverdue", id, ct));

    private static async Task<int> CountAsync(IServiceProvider services, string type, Guid? application, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>().Database;
        var about = application is { } id ? "%" + id + "%" : "%";
        return (await database.SqlQuery<int>(
            $"""SELECT count(*)::int AS "Value" FROM outbox_messages WHERE message_type LIKE {"%" + type + "%"} AND body::text LIKE {about}""").ToListAsync(ct)).Single();
    }
}
