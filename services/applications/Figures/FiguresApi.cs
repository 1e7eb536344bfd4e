using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Applications.Applying;
using Talent.Applications.Calendar;
using Talent.Applications.Data;
using Talent.Http;

namespace Talent.Applications.Figures;

/// <summary><c>GET /api/applications/figures?from=&amp;to=</c> (operators): how the cases submitted in a period went.</summary>
public static class FiguresApi
{
    /// <summary>One department's or one item's figures.</summary>
    public sealed record Figures(string Key, int Total, IReadOnlyDictionary<string, int> ByState, int Decided, double? OnTimeRate, double? AverageWorkingDaysToDecision, double? ZeroVisitRate);

    public sealed record FiguresReport(DateOnly? From, DateOnly? To, int Total, IReadOnlyList<Figures> ByDepartment, IReadOnlyList<Figures> ByItem);

    private sealed record FigureRow(string LeadDepartment, string ItemCode, ApplicationState State, DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt, DateOnly? DecisionDeadline, int InPersonVisits);

    public static IEndpointRouteBuilder MapFiguresApi(this IEndpointRouteBuilder routes)
    {
        ApplicationsApi.Group(routes).MapGet("/figures", FiguresAsync).RequireAuthorization(CalendarApi.OperatorPolicy).WithName("ApplicationFigures")
            .WithSummary("Per department and per item: counts by state, on-time rate, average working days to decision, zero-visit rate.");
        return routes;
    }

    private static async Task<Results<Ok<FiguresReport>, ValidationProblem>> FiguresAsync(DateOnly? from, DateOnly? to, ApplicationsDbContext db, CalendarProvider calendar, CancellationToken ct)
    {
        if (from is not null && to is not null && to < from)
        {
            return Problems.Invalid("to", "to is on or after from. 结束日期不得早于开始日期。");
        }

        // Days in the zone (UTC+8), as every deadline and the published figures count them.
        var fromAt = from is { } first ? ZoneMidnight(first) : (DateTime?)null;
        var toAt = to is { } last ? ZoneMidnight(last.AddDays(1)) : (DateTime?)null;
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.SubmittedAt != null && (fromAt == null || a.SubmittedAt >= fromAt) && (toAt == null || a.SubmittedAt < toAt))
            .Select(a => new FigureRow(a.LeadDepartment, a.ItemCode, a.State, a.SubmittedAt, a.DecidedAt, a.DecisionDeadline, a.InPersonVisits))
            .ToListAsync(ct);
        var cal = calendar.Current;
        Figures Of(string key, IEnumerable<FigureRow> group)
        {
            var list = group.ToList();
            var decided = list.Where(a => a.DecidedAt != null).ToList();
            var finished = list.Where(a => a.State is ApplicationState.Approved or ApplicationState.Denied or ApplicationState.NotAccepted).ToList();
            return new Figures(
                key,
                list.Count,
                list.GroupBy(a => a.State.ToString()).ToDictionary(g => g.Key, g => g.Count()),
                decided.Count,
                decided.Count == 0 ? null : Math.Round(decided.Count(a => a.DecisionDeadline is { } due && Application.Today(a.DecidedAt!.Value) <= due) / (double)decided.Count, 3),
                decided.Count == 0 ? null : Math.Round(decided.Average(a => (double)cal.WorkingDaysBetween(Application.Today(a.SubmittedAt!.Value), Application.Today(a.DecidedAt!.Value))), 1),
                finished.Count == 0 ? null : Math.Round(finished.Count(a => a.InPersonVisits == 0) / (double)finished.Count, 3));
        }

        return TypedResults.Ok(new FiguresReport(
            from,
            to,
            rows.Count,
            [.. rows.GroupBy(r => r.LeadDepartment).OrderBy(g => g.Key).Select(g => Of(g.Key, g))],
            [.. rows.GroupBy(r => r.ItemCode).OrderBy(g => g.Key).Select(g => Of(g.Key, g))]));
    }

    /// <summary>The day's first instant in the zone (UTC+8), as UTC.</summary>
    private static DateTime ZoneMidnight(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).UtcDateTime;
}
