extern alias applications;
using applications::Talent.Applications.Applying;
using applications::Talent.Applications.Data;
using applications::Talent.Applications.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Talent.Contracts.Catalogue;
using Talent.WorkingDays;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>The deadline sweep on a real database: each alert once, even with two sweeps at the same moment.</summary>
public sealed class DeadlineSweepTests
{
    private static readonly FlowCardSnapshot Card = new(
        [], [], [new StepSnapshot(1, "审核", null, "HRSS", 3, true)], 10, 3, 0, true, true, [], []);

    private static readonly CaseActor Applicant = new("talent-x", "申请人", true, false, false, null);

    [Fact]
    public async Task Two_sweeps_at_once_raise_each_due_soon_and_overdue_alert_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<applications::Program>.StartAsync("applications", ("Applications:SweepInterval", "12:00:00"));
        var services = host.Factory.Services;
        var calendar = new WorkingCalendar(ChinaHolidays.Seed);
        var now = DateTimeOffset.UtcNow;
        var counter = 0;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
            for (var i = 0; i < 40; i++)
            {
                // Half submitted three weeks ago (acceptance overdue), half just now (acceptance due within a working day).
                var at = i % 2 == 0 ? now.AddDays(-21) : now;
                var application = Application.Start(Applicant.Subject, Applicant.Name, "ITEM", 1, "事项", Card, "HRSS", "online", Applicant, at);
                Assert.Null(application.Submit(Applicant, null, () => $"TA-SWEEP-{Interlocked.Increment(ref counter):D4}", calendar, 1, at));
                db.Applications.Add(application);
            }

            await db.SaveChangesAsync(ct);
        }

        var sweep = services.GetServices<IHostedService>().OfType<DeadlineSweep>().Single();
        // The service's own sweep (run once at start) may take part too: what counts is each alert in the outbox once.
        await Task.WhenAll(sweep.SweepAsync(ct), sweep.SweepAsync(ct));
        Assert.Equal(0, await sweep.SweepAsync(ct));

        await using var check = services.CreateAsyncScope();
        var outbox = check.ServiceProvider.GetRequiredService<ApplicationsDbContext>().Database;
        Assert.Equal(20, await Count(outbox, "ApplicationOverdue", ct));
        Assert.Equal(20, await Count(outbox, "ApplicationDueSoon", ct));
    }

    private static async Task<int> Count(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, string type, CancellationToken ct) =>
        (await database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM outbox_messages WHERE message_type LIKE {"%" + type + "%"}""").ToListAsync(ct)).Single();
}
