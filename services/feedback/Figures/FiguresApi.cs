using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Talent.Feedback.Data;

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

    public sealed record ItemPage(IReadOnlyList<ItemFigure> Items, int Page, int PageSize, int Total);

    public sealed record FiguresResponse(string From, string To, string? Department, Figure Overall, IReadOnlyList<MonthFigure> Months, IReadOnlyList<DepartmentFigure> Departments, ItemPage Items, string Note);

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
            .WithSummary("Published 好差评 figures: overall, per month, departments ranked, items (paged). ?from=yyyy-MM&to=yyyy-MM&department=&page=&pageSize=");
        return routes;
    }

    /// <summary>
    /// Answers for a few seconds (<c>Feedback:FiguresCacheFor</c>, 5 s by default) per distinct query, at most 1,000 queries
    /// kept: the figures are public and read far more often than they change, and an anonymous route must not let anyone
    /// make the database aggregate on every request.
    /// </summary>
    public sealed class FiguresCache(Microsoft.Extensions.Options.IOptions<FeedbackOptions> options) : IDisposable
    {
        private readonly Microsoft.Extensions.Caching.Memory.MemoryCache _cache = new(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions { SizeLimit = 1000 });

        public async Task<FiguresResponse> GetAsync(string key, Func<Task<FiguresResponse>> compute)
        {
            if (_cache.TryGetValue(key, out FiguresResponse? cached) && cached is not null)
            {
                return cached;
            }

            var response = await compute();
            if (options.Value.FiguresCacheFor > TimeSpan.Zero)
            {
                _cache.Set(key, response, new Microsoft.Extensions.Caching.Memory.MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.FiguresCacheFor });
            }

            return response;
        }

        public void Dispose() => _cache.Dispose();
    }

    private static async Task<IResult> GetAsync(string? from, string? to, string? department, int? page, int? pageSize, FeedbackDbContext db, TimeProvider time, FiguresCache cache, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (first, last) = QueryChecks.Months(from, to, FigureCounters.MonthOf(time.GetUtcNow()), errors);
        QueryChecks.Paging(page, pageSize, errors);

        if (department is { Length: > 20 })
        {
            errors["department"] = ["A department code. 部门编码有误。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var key = $"{first:yyyy-MM}|{last:yyyy-MM}|{department}|{page ?? 1}|{pageSize ?? 20}";
        return TypedResults.Ok(await cache.GetAsync(key, () => ComputeAsync(first, last, department, page ?? 1, pageSize ?? 20, db, ct)));
    }

    private static async Task<FiguresResponse> ComputeAsync(DateOnly first, DateOnly last, string? department, int number, int size, FeedbackDbContext db, CancellationToken ct)
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
        var shown = items.Skip((number - 1) * size).Take(size).Select(i => (Department: i.Key.Split('|')[0], Code: i.Key.Split('|')[1], i.Figure)).ToList();
        var codes = shown.Select(s => s.Code).ToList();
        var titles = await db.CatalogueItems.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => (c.TitleZh, c.TitleEn), ct);
        var itemPage = new ItemPage(
            [.. shown.Select(s => new ItemFigure(s.Code, titles.GetValueOrDefault(s.Code).TitleZh, titles.GetValueOrDefault(s.Code).TitleEn, s.Department, s.Figure))],
            number, size, items.Count);

        return new FiguresResponse(
            first.ToString("yyyy-MM", CultureInfo.InvariantCulture), last.ToString("yyyy-MM", CultureInfo.InvariantCulture), department, overall, months, departments, itemPage,
            "满意率 = 基本满意及以上 / 评价总数；差评 = 不满意及非常不满意；经申诉核实移出的评价不计入。Satisfaction: basically satisfied or better; bad: dissatisfied or worse; reviews removed on appeal are not counted.");
    }
}
