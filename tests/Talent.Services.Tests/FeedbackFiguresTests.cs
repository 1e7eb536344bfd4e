extern alias feedback;
using System.Net.Http.Json;
using System.Text.Json;
using feedback::Talent.Feedback;
using feedback::Talent.Feedback.Data;
using feedback::Talent.Feedback.Evaluations;
using feedback::Talent.Feedback.Figures;
using feedback::Talent.Feedback.Invitations;
using feedback::Talent.Feedback.Rectifications;
using feedback::Talent.Feedback.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Talent.Contracts.Applications;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>The published figures and the feedback sweep on a real database.</summary>
public sealed class FeedbackFiguresTests
{
    private static readonly string[] Departments = ["HRSS", "STI", "HOUSING"];

    [Fact]
    public async Task Figures_counted_from_events_by_concurrent_writers_equal_figures_recomputed_from_the_rows_and_removed_reviews_are_not_counted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<feedback::Program>.StartAsync("feedback", ("Feedback:SweepInterval", "12:00:00"));
        var services = host.Factory.Services;
        var options = new FeedbackOptions();
        var now = DateTimeOffset.UtcNow;
        var random = new Random(7);
        var plan = Enumerable.Range(0, 240).Select(n => (
            Department: Departments[n % 3],
            Item: $"ITEM-{n % 7}",
            Level: (EvaluationLevel)random.Next(1, 6),
            At: now.AddDays(-random.Next(0, 80)))).ToList();

        // Eight writers at once, each evaluation in its own transaction with its figure delta; folded while they write.
        using var folding = new CancellationTokenSource();
        var folder = Task.Run(async () =>
        {
            while (!folding.IsCancellationRequested)
            {
                await using var scope = services.CreateAsyncScope();
                await FigureCounters.FoldAsync(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>(), ct);
            }
        }, ct);
        await Parallel.ForEachAsync(plan.Chunk(30), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (chunk, token) =>
        {
            foreach (var (department, item, level, at) in chunk)
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
                var invitation = EvaluationInvitation.For(
                    new ApplicationDecided(Guid.NewGuid(), at, Guid.NewGuid(), "TA-TEST", "talent-x", item, 1, department, [department], null, true, "同意", true, 0), item, options.EvaluationOpenFor);
                db.Invitations.Add(invitation);
                var evaluation = Evaluation.Of(invitation, level, null, null, "等待时间太长，指南不清楚", "web", at)!;
                await EvaluationRecorder.RecordAsync(db, evaluation, options, at, null, token);
                await db.SaveWithFiguresAsync([FigureDelta.Of(evaluation)], token);
            }
        });

        await folding.CancelAsync();
        await folder;

        // Close the bad reviews' cases: every third removed on appeal, the rest rectified (some late).
        var calendar = new Talent.WorkingDays.WorkingCalendar(Talent.WorkingDays.ChinaHolidays.Seed);
        var operatorActor = new CaseActor("operator-1", "运营", null, false, true);
        int removed;
        var removedReviews = new List<(string Department, EvaluationLevel Level)>();
        var rectifiedIn = new List<string>();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            var cases = await db.Rectifications.OrderBy(c => c.Id).ToListAsync(ct);
            Assert.Equal(plan.Count(p => p.Level <= EvaluationLevel.Dissatisfied), cases.Count);
            removed = 0;
            for (var i = 0; i < cases.Count; i++)
            {
                var c = cases[i];
                var staff = new CaseActor($"staff-{c.Department}", c.Department, c.Department, true, false);
                var at = c.RaisedAt.AddHours(1);
                if (i % 3 == 0)
                {
                    Assert.Null(c.AppealReview(staff, "恶意差评", at));
                    Assert.Null(c.DecideAppeal(operatorActor, true, "移出", calendar, at.AddHours(1)));
                    removed++;
                    removedReviews.Add((c.Department, c.Level));
                }
                else
                {
                    Assert.Null(c.StartVerification(staff, at));
                    Assert.Null(c.Verify(staff, "属实", calendar, 5, at.AddDays(i % 4 == 0 ? 9 : 0)));
                    Assert.Null(c.Rectify(staff, "已整改", calendar, 2, at.AddDays(i % 4 == 0 ? 9 : 1)));
                    Assert.Null(c.RecordReturnVisit(staff, true, null, at.AddDays(i % 4 == 0 ? 10 : 2)));
                    rectifiedIn.Add(c.Department);
                }

                await db.SaveWithFiguresAsync(await CaseClosing.ClosingAsync(db, c, at.AddDays(3), ct), ct);
            }
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            await FigureCounters.FoldAsync(db, ct);
            var current = await FigureCounters.CurrentAsync(db, ct);
            var recomputed = await FigureCounters.RecomputeAsync(db, ct);
            Assert.NotEmpty(recomputed);
            Assert.Equal(
                recomputed.Select(r => (r.Month, r.Scope, r.Key, r.Reviews, r.Satisfied, r.Negative, r.ScoreSum, r.RectificationsClosed, r.RectificationsOnTime)),
                current.Select(r => (r.Month, r.Scope, r.Key, r.Reviews, r.Satisfied, r.Negative, r.ScoreSum, r.RectificationsClosed, r.RectificationsOnTime)));
            Assert.Equal(0, await db.FigureDeltas.CountAsync(ct));

            // And against the plan itself, worked out here without the service's code: each department over every month
            // (a review counts its level as its score; removed reviews were all negative; rectified cases are closed).
            var expected = Departments.Select(d =>
            {
                var mine = plan.Where(p => p.Department == d).ToList();
                var gone = removedReviews.Where(r => r.Department == d).ToList();
                return (d, Reviews: mine.Count - gone.Count, Satisfied: mine.Count(p => p.Level >= EvaluationLevel.BasicallySatisfied),
                    Negative: mine.Count(p => p.Level <= EvaluationLevel.Dissatisfied) - gone.Count,
                    Score: mine.Sum(p => (long)p.Level) - gone.Sum(g => (long)g.Level), Closed: rectifiedIn.Count(r => r == d));
            });
            var counted = Departments.Select(d =>
            {
                var rows = current.Where(r => r.Scope == FigureCounters.Department && r.Key == d).ToList();
                return (d, Reviews: rows.Sum(r => r.Reviews), Satisfied: rows.Sum(r => r.Satisfied), Negative: rows.Sum(r => r.Negative),
                    Score: rows.Sum(r => r.ScoreSum), Closed: rows.Sum(r => r.RectificationsClosed));
            });
            Assert.Equal(expected, counted);
        }

        // The published figures, anonymous, over every month of the plan: removed reviews are not counted.
        using var anonymous = host.Factory.CreateClient();
        var from = FigureCounters.MonthOf(now.AddDays(-80)).ToString("yyyy-MM");
        var figures = await anonymous.GetFromJsonAsync<JsonElement>($"/api/feedback/figures?from={from}", ct);
        Assert.Equal(plan.Count - removed, figures.GetProperty("overall").GetProperty("reviews").GetInt32());
        var satisfied = plan.Count(p => p.Level >= EvaluationLevel.BasicallySatisfied);
        Assert.Equal(Math.Round((double)satisfied / (plan.Count - removed), 4), figures.GetProperty("overall").GetProperty("satisfactionRate").GetDouble());
        Assert.Equal(3, figures.GetProperty("departments").GetArrayLength());
        Assert.Equal(1, figures.GetProperty("departments")[0].GetProperty("rank").GetInt32());
        var bad = await anonymous.GetAsync("/api/feedback/figures?from=2026-13&pageSize=500", ct);
        Assert.Equal(400, (int)bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("from", out _) && errors.TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task Two_sweeps_at_once_flag_each_overdue_case_once_and_close_unconfirmed_tickets()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<feedback::Program>.StartAsync("feedback", ("Feedback:SweepInterval", "12:00:00"));
        var services = host.Factory.Services;
        // The service's own sweep makes a pass at start: stopped first (it had flagged nothing and then closed the tickets
        // added meanwhile once, in a fresh run), so that only the two below sweep what is added here.
        var sweep = services.GetServices<IHostedService>().OfType<FeedbackSweep>().Single();
        await sweep.StopAsync(ct);
        var calendar = new Talent.WorkingDays.WorkingCalendar(Talent.WorkingDays.ChinaHolidays.Seed);
        var now = DateTimeOffset.UtcNow;
        var staff = new CaseActor("staff-hr", "人社", "HRSS", true, false);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            for (var i = 0; i < 30; i++)
            {
                // Half raised three weeks ago (verification overdue), half now (not due yet).
                var at = i % 2 == 0 ? now.AddDays(-21) : now;
                var invitation = EvaluationInvitation.For(
                    new ApplicationDecided(Guid.NewGuid(), at, Guid.NewGuid(), "TA-TEST", "talent-x", "ITEM", 1, "HRSS", ["HRSS"], null, true, "同意", true, 0), "事项", TimeSpan.FromDays(30));
                db.Invitations.Add(invitation);
                await EvaluationRecorder.RecordAsync(db, Evaluation.Of(invitation, EvaluationLevel.VeryDissatisfied, null, null, null, "web", at)!, new FeedbackOptions(), at, null, ct);
            }

            for (var i = 0; i < 6; i++)
            {
                // Replied three weeks ago (period over) or now (still open to reopening).
                var at = i % 2 == 0 ? now.AddDays(-21) : now;
                var ticket = FeedbackTicket.Open($"FK-T-{i}", TicketKind.Question, "employment", "问题", "内容", null, null, "talent-x", "张明", "HRSS", "category", calendar, 3, at);
                Assert.Null(ticket.Answer(staff, "答复", calendar, 5, at.AddHours(1)));
                db.Tickets.Add(ticket);
            }

            await db.SaveChangesAsync(ct);
        }

        var results = await Task.WhenAll(sweep.SweepAsync(ct), sweep.SweepAsync(ct));
        Assert.Equal(15, results.Sum(r => r.Flagged));
        Assert.Equal(3, results.Sum(r => r.Closed));
        Assert.Equal((0, 0), await sweep.SweepAsync(ct));

        await using var check = services.CreateAsyncScope();
        var database = check.ServiceProvider.GetRequiredService<FeedbackDbContext>().Database;
        Assert.Equal(15, (await database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM outbox_messages WHERE message_type LIKE '%RectificationOverdue%'""").ToListAsync(ct)).Single());
        Assert.Equal(3, (await database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM outbox_messages WHERE message_type LIKE '%FeedbackTicketResolved%'""").ToListAsync(ct)).Single());
    }
}
