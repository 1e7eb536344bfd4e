using Talent.Portal.Apis;

namespace Talent.Portal.Components.Pages.Cases;

/// <summary>
/// Counts working days (工作日) the way the applications service does: Monday to Friday, except public holidays, plus the
/// weekend make-up days (调休), from its published calendar; a year it has not entered counts weekdays only.
/// </summary>
public sealed class WorkingDayCount
{
    private readonly HashSet<DateOnly> _holidays = [];
    private readonly HashSet<DateOnly> _makeUpWorkdays = [];

    /// <summary>The zone's calendar day (China Standard Time, UTC+8): deadlines are dates there.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    public static async Task<WorkingDayCount> LoadAsync(ApplicationsApi api, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var count = new WorkingDayCount();
        var (first, last) = from <= to ? (from.Year, to.Year) : (to.Year, from.Year);
        // A deadline is days or weeks away: a year or two, never a long loop.
        for (var year = first; year <= Math.Min(last, first + 2); year++)
        {
            if ((await api.CalendarAsync(year, ct)).Value is { } calendar)
            {
                count._holidays.UnionWith(calendar.Holidays);
                count._makeUpWorkdays.UnionWith(calendar.MakeUpWorkdays);
            }
        }

        return count;
    }

    public bool IsWorkingDay(DateOnly day) =>
        _makeUpWorkdays.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day));

    /// <summary>The working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when to ≤ from).</summary>
    public int Between(DateOnly from, DateOnly to)
    {
        var days = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            days += IsWorkingDay(day) ? 1 : 0;
        }

        return days;
    }
}
