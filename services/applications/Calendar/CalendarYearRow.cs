using Talent.WorkingDays;

namespace Talent.Applications.Calendar;

/// <summary>A year of the working-day calendar as stored (operators edit it; every change is audited by revision).</summary>
public sealed class CalendarYearRow
{
    public int Year { get; set; }

    public List<DateOnly> Holidays { get; set; } = [];

    public List<DateOnly> MakeUpWorkdays { get; set; } = [];

    public string Source { get; set; } = "";

    public bool Provisional { get; set; }

    public int Revision { get; set; }

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public CalendarYear ToYear() => new(Year, Holidays, MakeUpWorkdays, Source, Provisional);

    public static CalendarYearRow From(CalendarYear year, string by, DateTimeOffset at) => new()
    {
        Year = year.Year,
        Holidays = [.. year.Holidays.Order()],
        MakeUpWorkdays = [.. year.MakeUpWorkdays.Order()],
        Source = year.Source,
        Provisional = year.Provisional,
        Revision = 1,
        UpdatedBy = by,
        UpdatedAt = at,
    };
}
