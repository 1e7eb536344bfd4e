using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Feedback.Data;
using Talent.Http;

namespace Talent.Feedback.Figures;

/// <summary>
/// The published figures (anonymous, no personal data): per month, per department and per item, the number of reviews,
/// the satisfaction rate (basically satisfied or better), the share of bad reviews (dissatisfied or worse), the average
/// level and the rectification on-time rate; departments ranked. Read from the pre-aggregated counters only (a fact counts
/// within about a second, when its delta is folded in).
/// </summary>
public static class FiguresApi
{
    public sealed record Figure(int Reviews, double? SatisfactionRate, double? BadShare, double? AverageLevel, int RectificationsClosed, double? RectificationOnTimeRate);

    public sealed record MonthFigure(string Month, Figure Figures);

    public sealed record DepartmentFigure(int Rank, string Department, Figure Figures);

    public sealed record ItemFigure(string ItemCode, string? TitleZh, string? TitleEn, string Department, Figure Figures);

    public sealed record FiguresResponse(string From, string To, string? Department, Figure Overall, IReadOnlyList<MonthFigure> Months, IReadOnlyList<DepartmentFigure> Departments, Paged<ItemFigure> Items, string Note);

    private sealed record Sum(int Reviews, int Satisfied, int Negative, long ScoreSum, int Closed, int OnTime)
    {
        public static readonly Sum Zero = new(0, 0, 0, 0, 0, 0);

        public static Sum operator +(Sum a, Sum b) => new(a.Reviews + b.Reviews, a.Satisfied + b.Satisfied, a.Negative + b.Negative, a.ScoreSum + b.ScoreSum, a.Closed + b.Closed, a.OnTime + b.OnTime);

        public Figure ToFigure() => new(
            Reviews,
            Reviews == 0 ? null : Math.Round((double)Satisfied / Reviews, 4),
            Reviews == 0 ? null : Math.Round((double)Negative / Reviews, 4),
            Reviews == 0 ? null : Math.Round((double)ScoreSum / Reviews, 2),
            Closed,
            Closed == 0 ? null : Math.Round((double)OnTime / Closed, 4));
    }

    public static IEndpointRouteBuilder MapFiguresApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/feedback/figures", GetAsync)
            .AllowAnonymous() // published results: aggregates only, no personal data
            .WithTags("Published figures")
            .WithName("GetFigures")
            .WithSummary("Published 好差评 figures: overall, per month, departments ranked, items (paged). ?from=yyyy-MM&to=yyyy-MM&department=&page=&pageSize=")
            .ProducesValidationProblem();
        return routes;
    }

    private static async Task<Results<Ok<FiguresResponse>, ValidationProblem>> GetAsync(
        string? from, string? to, string? department, [AsParameters] PageQuery paging, [AsParameters] RequestContext context, FiguresCache cache)
    {
        var errors = new Dictionary<string, string[]>();
        var (first, last) = MonthRange.Read(from, to, FigureCounters.MonthOf(context.Time.GetUtcNow()), errors);
        var page = paging.ResolveInto(errors);

        if (department is { Length: > 20 })
        {
            errors["department"] = ["A department code. 部门编码有误。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var key = $"{first:yyyy-MM}|{last:yyyy-MM}|{department}|{page.Number}|{page.Size}";
        return TypedResults.Ok(await cache.GetAsync(key, () => ComputeAsync(first, last, department, page, context.Db, context.Cancellation)));
    }

    private static async Task<FiguresResponse> ComputeAsync(DateOnly first, DateOnly last, string? department, Page page, FeedbackDbContext db, CancellationToken ct)
    {
        var rows = await db.FigureCounters.AsNoTracking()
            .Where(c => c.Month >= first && c.Month <= last && (department == null || c.Scope != FigureCounters.Item || c.Key.StartsWith(department + "|")))
            .ToListAsync(ct);
        var sums = rows.Select(r => (r.Scope, r.Key, r.Month, Sum: new Sum(r.Reviews, r.Satisfied, r.Negative, r.ScoreSum, r.RectificationsClosed, r.RectificationsOnTime))).ToList();

        // With a department: its months and its items; without: the whole zone's. Departments are always all, ranked.
        var monthly = department is null
            ? sums.Where(s => s.Scope == FigureCounters.All)
            : sums.Where(s => s.Scope == FigureCounters.Department && s.Key == department);
        var months = monthly.GroupBy(s => s.Month).OrderBy(g => g.Key)
            .Select(g => new MonthFigure(g.Key.ToString("yyyy-MM", CultureInfo.InvariantCulture), g.Aggregate(Sum.Zero, (a, s) => a + s.Sum).ToFigure()))
            .ToList();
        var overall = monthly.Aggregate(Sum.Zero, (a, s) => a + s.Sum).ToFigure();

        var departments = sums.Where(s => s.Scope == FigureCounters.Department)
            .GroupBy(s => s.Key)
            .Select(g => (Department: g.Key, Figure: g.Aggregate(Sum.Zero, (a, s) => a + s.Sum).ToFigure()))
            .Where(d => d.Figure.Reviews > 0)
            .OrderByDescending(d => d.Figure.SatisfactionRate).ThenBy(d => d.Figure.BadShare).ThenByDescending(d => d.Figure.Reviews).ThenBy(d => d.Department, StringComparer.Ordinal)
            .Select((d, i) => new DepartmentFigure(i + 1, d.Department, d.Figure))
            .ToList();

        var items = sums.Where(s => s.Scope == FigureCounters.Item && (department is null || s.Key.StartsWith(department + "|", StringComparison.Ordinal)))
            .GroupBy(s => s.Key)
            .Select(g => (Key: g.Key, Figure: g.Aggregate(Sum.Zero, (a, s) => a + s.Sum).ToFigure()))
            .Where(i => i.Figure.Reviews > 0)
            .OrderByDescending(i => i.Figure.Reviews).ThenBy(i => i.Key, StringComparer.Ordinal)
            .ToList();
        var shown = items.Skip(page.Skip).Take(page.Size).Select(i => (Department: i.Key.Split('|')[0], Code: i.Key.Split('|')[1], i.Figure)).ToList();
        var codes = shown.Select(s => s.Code).ToList();
        var titles = await db.CatalogueItems.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => (c.TitleZh, c.TitleEn), ct);
        var itemPage = page.Of(
            [.. shown.Select(s => new ItemFigure(s.Code, titles.GetValueOrDefault(s.Code).TitleZh, titles.GetValueOrDefault(s.Code).TitleEn, s.Department, s.Figure))],
            items.Count);

        return new FiguresResponse(
            first.ToString("yyyy-MM", CultureInfo.InvariantCulture), last.ToString("yyyy-MM", CultureInfo.InvariantCulture), department, overall, months, departments, itemPage,
            "满意率 = 基本满意及以上 / 评价总数；差评 = 不满意及非常不满意；经申诉核实移出的评价不计入。Satisfaction: basically satisfied or better; bad: dissatisfied or worse; reviews removed on appeal are not counted.");
    }
}
