using Microsoft.EntityFrameworkCore;
using Talent.Feedback.Data;
using Talent.Feedback.Evaluations;
using Talent.Feedback.Invitations;
using Talent.WorkingDays;

namespace Talent.Feedback.Figures;

/// <summary>The published figures' counters: the month of a fact, saving facts with their deltas, folding, checking.</summary>
public static class FigureCounters
{
    public const string All = "all";
    public const string Department = "department";
    public const string Item = "item";
    public const int FoldBatch = 20_000;

    public static DateOnly MonthOf(DateTimeOffset at)
    {
        var day = WorkingCalendar.Today(at);
        return new DateOnly(day.Year, day.Month, 1);
    }

    public static string ItemKey(string department, string itemCode) => $"{department}|{itemCode}";

    /// <summary>Saves the context's changes with the facts' figure deltas, in one transaction.</summary>
    public static Task SaveWithFiguresAsync(this FeedbackDbContext db, IEnumerable<FigureDelta?> deltas, CancellationToken ct)
    {
        db.FigureDeltas.AddRange(deltas.OfType<FigureDelta>());
        return db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Moves pending deltas into the counters: one statement deletes a batch (rows other folders hold are skipped) and adds
    /// it to the counters, so a delta is counted exactly once. Returns the number of deltas folded.
    /// </summary>
    public static async Task<int> FoldAsync(FeedbackDbContext db, CancellationToken ct)
    {
        var folded = 0;
        while (true)
        {
            var moved = (await db.Database.SqlQuery<int>($"""
                WITH moved AS (
                    DELETE FROM figure_deltas WHERE id IN (SELECT id FROM figure_deltas ORDER BY id LIMIT {FoldBatch} FOR UPDATE SKIP LOCKED)
                    RETURNING month, department, item_code, reviews, satisfied, negative, score, closed, on_time),
                scoped AS (
                    SELECT month, 'all' AS scope, '' AS key, reviews, satisfied, negative, score, closed, on_time FROM moved
                    UNION ALL SELECT month, 'department', department, reviews, satisfied, negative, score, closed, on_time FROM moved
                    UNION ALL SELECT month, 'item', department || '|' || item_code, reviews, satisfied, negative, score, closed, on_time FROM moved),
                added AS (
                    INSERT INTO figure_counters AS c (month, scope, key, reviews, satisfied, negative, score_sum, rectifications_closed, rectifications_on_time)
                    SELECT month, scope, key, sum(reviews), sum(satisfied), sum(negative), sum(score), sum(closed), sum(on_time) FROM scoped
                    GROUP BY month, scope, key ORDER BY month, scope, key
                    ON CONFLICT (month, scope, key) DO UPDATE SET
                        reviews = c.reviews + EXCLUDED.reviews, satisfied = c.satisfied + EXCLUDED.satisfied, negative = c.negative + EXCLUDED.negative,
                        score_sum = c.score_sum + EXCLUDED.score_sum, rectifications_closed = c.rectifications_closed + EXCLUDED.rectifications_closed,
                        rectifications_on_time = c.rectifications_on_time + EXCLUDED.rectifications_on_time)
                SELECT count(*)::int AS "Value" FROM moved
                """).ToListAsync(ct)).Single();
            folded += moved;
            if (moved < FoldBatch)
            {
                return folded;
            }
        }
    }

    /// <summary>Every counter a set of deltas touches, merged, in (month, scope, key) order.</summary>
    public static IEnumerable<FigureCounter> Expand(IEnumerable<FigureDelta> deltas) =>
        deltas
            .SelectMany(d => new[] { (d, All, ""), (d, Department, d.Department), (d, Item, ItemKey(d.Department, d.ItemCode)) })
            .GroupBy(x => (x.d.Month, Scope: x.Item2, Key: x.Item3))
            .OrderBy(g => g.Key.Month).ThenBy(g => g.Key.Scope, StringComparer.Ordinal).ThenBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select(g => new FigureCounter
            {
                Month = g.Key.Month, Scope = g.Key.Scope, Key = g.Key.Key,
                Reviews = g.Sum(x => x.d.Reviews), Satisfied = g.Sum(x => x.d.Satisfied), Negative = g.Sum(x => x.d.Negative), ScoreSum = g.Sum(x => x.d.Score),
                RectificationsClosed = g.Sum(x => x.d.Closed), RectificationsOnTime = g.Sum(x => x.d.OnTime),
            });

    /// <summary>
    /// The counters recomputed from the rows (evaluations of applications not removed on appeal, rectifications closed after
    /// a return visit); for checking the running counters.
    /// </summary>
    public static async Task<List<FigureCounter>> RecomputeAsync(FeedbackDbContext db, CancellationToken ct)
    {
        var evaluations = await db.Evaluations.AsNoTracking()
            .Where(e => !e.Removed && e.SubjectKind == EvaluationInvitation.Application)
            .Select(e => new { e.SubmittedAt, e.LeadDepartment, e.ItemCode, e.Level })
            .ToListAsync(ct);
        var cases = await db.Rectifications.AsNoTracking().Where(c => c.Outcome == "rectified").ToListAsync(ct);
        var deltas = evaluations
            .Select(e => new FigureDelta(MonthOf(e.SubmittedAt), e.LeadDepartment, e.ItemCode, 1, e.Level >= EvaluationLevel.BasicallySatisfied ? 1 : 0, e.Level <= EvaluationLevel.Dissatisfied ? 1 : 0, (int)e.Level, 0, 0))
            .Concat(cases.Select(FigureDelta.Of).OfType<FigureDelta>());
        return [.. Expand(deltas)];
    }

    /// <summary>The running counters (after a fold), in the shape and order of <see cref="RecomputeAsync"/>; all-zero rows left out.</summary>
    public static async Task<List<FigureCounter>> CurrentAsync(FeedbackDbContext db, CancellationToken ct)
    {
        var rows = await db.FigureCounters.AsNoTracking().ToListAsync(ct);
        return [.. rows
            .Where(r => r.Reviews != 0 || r.RectificationsClosed != 0 || r.Satisfied != 0 || r.Negative != 0 || r.ScoreSum != 0)
            .OrderBy(r => r.Month).ThenBy(r => r.Scope, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }
}
