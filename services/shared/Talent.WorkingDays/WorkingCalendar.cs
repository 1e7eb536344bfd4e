namespace Talent.WorkingDays;

/// <summary>One year's arrangement: public holidays that fall on weekdays are days off, make-up days (调休) on weekends are worked.</summary>
public sealed record CalendarYear(int Year, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> MakeUpWorkdays, string Source, bool Provisional = false)
{
    /// <summary>Field-named errors: dates outside the year, a date both a holiday and a make-up day, a make-up day on a weekday.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Year is < 2000 or > 2100)
        {
            errors["year"] = ["A year from 2000 to 2100. 年份须在 2000 至 2100 之间。"];
        }

        for (var i = 0; i < Holidays.Count; i++)
        {
            if (Holidays[i].Year != Year)
            {
                errors[$"holidays[{i}]"] = [$"{Holidays[i]:yyyy-MM-dd} is not in {Year}. 日期不在该年度内。"];
            }
        }

        for (var i = 0; i < MakeUpWorkdays.Count; i++)
        {
            var day = MakeUpWorkdays[i];
            if (day.Year != Year)
            {
                errors[$"makeUpWorkdays[{i}]"] = [$"{day:yyyy-MM-dd} is not in {Year}. 日期不在该年度内。"];
            }
            else if (!WorkingCalendar.IsWeekend(day))
            {
                errors[$"makeUpWorkdays[{i}]"] = [$"{day:yyyy-MM-dd} is a weekday; a make-up working day (调休) falls on a weekend. 调休上班日应为周末。"];
            }
            else if (Holidays.Contains(day))
            {
                errors[$"makeUpWorkdays[{i}]"] = [$"{day:yyyy-MM-dd} is also a holiday. 同一天不能既是假日又是调休上班日。"];
            }
        }

        return errors;
    }
}

/// <summary>
/// Working days (工作日): Monday to Friday, except public holidays, plus the weekend make-up days (调休). Years without
/// an arrangement count weekdays only. Immutable; services build a new one when the calendar changes.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpWorkdays;

    public WorkingCalendar(IEnumerable<CalendarYear> years)
    {
        Years = years.OrderBy(y => y.Year).ToList();
        _holidays = [.. Years.SelectMany(y => y.Holidays)];
        _makeUpWorkdays = [.. Years.SelectMany(y => y.MakeUpWorkdays)];
    }

    public IReadOnlyList<CalendarYear> Years { get; }

    public static WorkingCalendar WeekdaysOnly { get; } = new([]);

    /// <summary>The zone's calendar day (China Standard Time, UTC+8, no daylight saving) at an instant.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsWorkingDay(DateOnly day) => _makeUpWorkdays.Contains(day) || (!IsWeekend(day) && !_holidays.Contains(day));

    /// <summary>The day <paramref name="days"/> working days after <paramref name="from"/> (0: <paramref name="from"/> itself).</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = from;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                days--;
            }
        }

        return day;
    }

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]: 0 when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The first working day on or after <paramref name="day"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
