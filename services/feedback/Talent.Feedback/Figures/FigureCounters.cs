using Microsoft.EntityFrameworkCore;
using Talent.Feedback.Data;
using Talent.Feedback.Evaluations;
using Talent.Feedback.Rectifications;
using Talent.WorkingDays;

namespace Talent.Feedback.Figures;

/// <summary>
/// One counter row of the published figures: a month, a scope ("all", "department" with the department's code, "item"
/// with <c>{department}|{item}</c>) and a shard. Concurrent writers add to one of <see cref="FigureCounters.Shards"/>
/// rows chosen at random, so a busy month's "all" row is not one hot lock; readers sum the shards.
/// </summary>
public sealed class FigureCounter
{
    public DateOnly Month { get; set; }

    public string Scope { get; set; } = "";

    public string Key { get; set; } = "";

    public short Shard { get; set; }

    public int Reviews { get; set; }

    public int Satisfied { get; set; }

    public int Negative { get; set; }

    public long ScoreSum { get; set; }

    public int RectificationsClosed { get; set; }

    public int RectificationsOnTime { get; set; }
}

/// <summary>What one fact adds to the counters of its month, department and item.</summary>
public readonly record struct FigureDelta(DateOnly Month, string Department, string ItemCode, int Reviews, int Satisfied, int Negative, int Score, int Closed, int OnTime)
{
    /// <summary>An evaluation of a decided application counts (or, <paramref name="sign"/> −1, is taken out on appeal); engagements are rated for matching, not in these figures.</summary>
    public static FigureDelta? Of(Evaluation evaluation, int sign = 1) =>
        evaluation.SubjectKind != Invitations.EvaluationInvitation.Application
            ? null
            : new(FigureCounters.MonthOf(evaluation.SubmittedAt), evaluation.LeadDepartment, evaluation.ItemCode,
                sign, evaluation.IsSatisfied ? sign : 0, evaluation.IsNegative ? sign : 0, sign * (int)evaluation.Level, 0, 0);

    /// <summary>A rectification closed after its return visit counts in the on-time rate (removed reviews do not).</summary>
    public static FigureDelta? Of(RectificationCase closed) =>
        closed.Outcome != "rectified" || closed.ClosedAt is not { } at
            ? null
            : new(FigureCounters.MonthOf(at), closed.Department, closed.ItemCode, 0, 0, 0, 0, 1, closed.OnTime ? 1 : 0);
}

public static class FigureCounters
{
    public const int Shards = 8;
    public const string All = "all";
    public const string Department = "department";
    public const string Item = "item";

    public static DateOnly MonthOf(DateTimeOffset at)
    {
        var day = WorkingCalendar.Today(at);
        return new DateOnly(day.Year, day.Month, 1);
    }

    public static string ItemKey(string department, string itemCode) => $"{department}|{itemCode}";

    /// <summary>
    /// Saves the context's changes and adds the deltas to the counters in one transaction: the figures never count a fact
    /// that was not saved, nor miss one that was.
    /// </summary>
    public static async Task SaveWithFiguresAsync(this FeedbackDbContext db, IEnumerable<FigureDelta?> deltas, CancellationToken ct)
    {
        var rows = Expand(deltas.OfType<FigureDelta>(), (short)Random.Shared.Next(Shards)).ToList();
        if (rows.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            var own = db.Database.CurrentTransaction is null;
            await using var transaction = own ? await db.Database.BeginTransactionAsync(ct) : null;
            await db.SaveChangesAsync(ct);
            await AddAsync(db, rows, ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        });
    }

    /// <summary>Every row a set of deltas touches, merged and in one order (so concurrent writers never deadlock).</summary>
    public static IEnumerable<FigureCounter> Expand(IEnumerable<FigureDelta> deltas, short shard) =>
        deltas
            .SelectMany(d => new[] { (d, All, ""), (d, Department, d.Department), (d, Item, ItemKey(d.Department, d.ItemCode)) })
            .GroupBy(x => (x.d.Month, Scope: x.Item2, Key: x.Item3))
            .OrderBy(g => g.Key.Month).ThenBy(g => g.Key.Scope, StringComparer.Ordinal).ThenBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select(g => new FigureCounter
            {
                Month = g.Key.Month, Scope = g.Key.Scope, Key = g.Key.Key, Shard = shard,
                Reviews = g.Sum(x => x.d.Reviews), Satisfied = g.Sum(x => x.d.Satisfied), Negative = g.Sum(x => x.d.Negative), ScoreSum = g.Sum(x => x.d.Score),
                RectificationsClosed = g.Sum(x => x.d.Closed), RectificationsOnTime = g.Sum(x => x.d.OnTime),
            });

    private static async Task AddAsync(FeedbackDbContext db, List<FigureCounter> rows, CancellationToken ct)
    {
        var months = rows.Select(r => r.Month).ToArray();
        var scopes = rows.Select(r => r.Scope).ToArray();
        var keys = rows.Select(r => r.Key).ToArray();
        var shards = rows.Select(r => r.Shard).ToArray();
        var reviews = rows.Select(r => r.Reviews).ToArray();
        var satisfied = rows.Select(r => r.Satisfied).ToArray();
        var negative = rows.Select(r => r.Negative).ToArray();
        var scores = rows.Select(r => r.ScoreSum).ToArray();
        var closed = rows.Select(r => r.RectificationsClosed).ToArray();
        var onTime = rows.Select(r => r.RectificationsOnTime).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO figure_counters AS c (month, scope, key, shard, reviews, satisfied, negative, score_sum, rectifications_closed, rectifications_on_time)
            SELECT * FROM unnest({months}::date[], {scopes}::text[], {keys}::text[], {shards}::smallint[], {reviews}::int[], {satisfied}::int[], {negative}::int[], {scores}::bigint[], {closed}::int[], {onTime}::int[])
            ON CONFLICT (month, scope, key, shard) DO UPDATE SET
                reviews = c.reviews + EXCLUDED.reviews,
                satisfied = c.satisfied + EXCLUDED.satisfied,
                negative = c.negative + EXCLUDED.negative,
                score_sum = c.score_sum + EXCLUDED.score_sum,
                rectifications_closed = c.rectifications_closed + EXCLUDED.rectifications_closed,
                rectifications_on_time = c.rectifications_on_time + EXCLUDED.rectifications_on_time
            """, ct);
    }

    /// <summary>
    /// The counters recomputed from the rows (evaluations of applications not removed on appeal, rectifications closed after
    /// a return visit), shard 0; for checking the running counters and for rebuilding them.
    /// </summary>
    public static async Task<List<FigureCounter>> RecomputeAsync(FeedbackDbContext db, CancellationToken ct)
    {
        var evaluations = await db.Evaluations.AsNoTracking()
            .Where(e => !e.Removed && e.SubjectKind == Invitations.EvaluationInvitation.Application)
            .Select(e => new { e.SubmittedAt, e.LeadDepartment, e.ItemCode, e.Level })
            .ToListAsync(ct);
        var cases = await db.Rectifications.AsNoTracking().Where(c => c.Outcome == "rectified").ToListAsync(ct);
        var deltas = evaluations
            .Select(e => new FigureDelta(MonthOf(e.SubmittedAt), e.LeadDepartment, e.ItemCode, 1, e.Level >= EvaluationLevel.BasicallySatisfied ? 1 : 0, e.Level <= EvaluationLevel.Dissatisfied ? 1 : 0, (int)e.Level, 0, 0))
            .Concat(cases.Select(FigureDelta.Of).OfType<FigureDelta>());
        return [.. Expand(deltas, 0)];
    }

    /// <summary>The running counters summed over their shards, in the same shape and order as <see cref="RecomputeAsync"/>.</summary>
    public static async Task<List<FigureCounter>> CurrentAsync(FeedbackDbContext db, CancellationToken ct)
    {
        var rows = await db.FigureCounters.AsNoTracking()
            .GroupBy(c => new { c.Month, c.Scope, c.Key })
            .Select(g => new FigureCounter
            {
                Month = g.Key.Month, Scope = g.Key.Scope, Key = g.Key.Key,
                Reviews = g.Sum(c => c.Reviews), Satisfied = g.Sum(c => c.Satisfied), Negative = g.Sum(c => c.Negative), ScoreSum = g.Sum(c => c.ScoreSum),
                RectificationsClosed = g.Sum(c => c.RectificationsClosed), RectificationsOnTime = g.Sum(c => c.RectificationsOnTime),
            })
            .ToListAsync(ct);
        return [.. rows
            .Where(r => r.Reviews != 0 || r.RectificationsClosed != 0 || r.Satisfied != 0 || r.Negative != 0 || r.ScoreSum != 0)
            .OrderBy(r => r.Month).ThenBy(r => r.Scope, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }
}
