using Talent.WorkingDays;
using Xunit;

namespace Talent.WorkingDays.Tests;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = new(ChinaHolidays.Seed);

    [Fact]
    public void Weekends_are_off_and_weekdays_are_worked_in_a_year_without_an_arrangement()
    {
        var calendar = WorkingCalendar.WeekdaysOnly;
        Assert.True(calendar.IsWorkingDay(new DateOnly(2030, 3, 1)));   // Friday
        Assert.False(calendar.IsWorkingDay(new DateOnly(2030, 3, 2)));  // Saturday
        Assert.Equal(new DateOnly(2030, 3, 4), calendar.AddWorkingDays(new DateOnly(2030, 3, 1), 1));
    }

    [Fact]
    public void Public_holidays_are_not_working_days_and_make_up_days_are()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 10, 1)));  // National Day, a Thursday
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 2, 16)));  // Spring Festival, a Monday
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));  // make-up Saturday
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 2, 14)));   // make-up Saturday
    }

    [Fact]
    public void Adding_working_days_skips_a_golden_week_and_counts_its_make_up_day()
    {
        // Wed 30 Sep 2026 + 1 → Thu 8 Oct (1-7 Oct off); + 3 → Sat 10 Oct (make-up day).
        Assert.Equal(new DateOnly(2026, 10, 8), Calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 1));
        Assert.Equal(new DateOnly(2026, 10, 10), Calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 3));
        Assert.Equal(new DateOnly(2026, 10, 12), Calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 4));
    }

    [Fact]
    public void Counting_across_the_year_end_uses_both_years_arrangements()
    {
        // Thu 31 Dec 2026 + 1 → Mon 4 Jan 2027 (1 Jan 2027 is a holiday, 2-3 Jan a weekend).
        Assert.Equal(new DateOnly(2027, 1, 4), Calendar.AddWorkingDays(new DateOnly(2026, 12, 31), 1));
        Assert.Equal(1, Calendar.WorkingDaysBetween(new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 4)));
        // 2026 began with 1-3 Jan off and Sunday 4 Jan worked.
        Assert.Equal(new DateOnly(2026, 1, 4), Calendar.AddWorkingDays(new DateOnly(2025, 12, 31), 1));
    }

    [Fact]
    public void Working_days_between_counts_the_end_but_not_the_start()
    {
        Assert.Equal(0, Calendar.WorkingDaysBetween(new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 26)));
        Assert.Equal(1, Calendar.WorkingDaysBetween(new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 27)));
        Assert.Equal(1, Calendar.WorkingDaysBetween(new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 30)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 27)));
        Assert.Equal(new DateOnly(2026, 10, 8), Calendar.NextWorkingDay(new DateOnly(2026, 10, 3)));
    }

    [Fact]
    public void The_seeded_arrangements_are_valid_and_2027_is_marked_provisional()
    {
        Assert.All(ChinaHolidays.Seed, year => Assert.Empty(year.Validate()));
        Assert.False(ChinaHolidays.Seed.Single(y => y.Year == 2026).Provisional);
        Assert.True(ChinaHolidays.Seed.Single(y => y.Year == 2027).Provisional);
        Assert.Equal(33, ChinaHolidays.Seed.Single(y => y.Year == 2026).Holidays.Count);
    }

    [Fact]
    public void An_arrangement_with_a_weekday_make_up_day_or_a_date_of_another_year_is_refused_naming_the_entry()
    {
        var year = new CalendarYear(2026, [new DateOnly(2025, 12, 31)], [new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 28)], "test");
        var errors = year.Validate();
        Assert.Contains("holidays[0]", errors.Keys);
        Assert.Contains("makeUpWorkdays[0]", errors.Keys);
        Assert.DoesNotContain("makeUpWorkdays[1]", errors.Keys);
    }
}
