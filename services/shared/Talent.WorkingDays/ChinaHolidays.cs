namespace Talent.WorkingDays;

/// <summary>
/// The seed arrangements. 2026: the State Council General Office's notice on the 2026 holiday arrangements
/// (国务院办公厅关于2026年部分节假日安排的通知). 2027 is PROVISIONAL until the State Council publishes its notice
/// (usually in November or December): the statutory holidays on their 2027 dates, without make-up days; operators
/// replace it through <c>PUT /api/applications/calendar/2027</c>.
/// </summary>
public static class ChinaHolidays
{
    public static IReadOnlyList<CalendarYear> Seed { get; } =
    [
        new(2026,
            [
                .. Days(2026, 1, 1, 3),     // 元旦 New Year
                .. Days(2026, 2, 15, 9),    // 春节 Spring Festival, 15-23 Feb
                .. Days(2026, 4, 4, 3),     // 清明节 Qingming, 4-6 Apr
                .. Days(2026, 5, 1, 5),     // 劳动节 Labour Day, 1-5 May
                .. Days(2026, 6, 19, 3),    // 端午节 Dragon Boat, 19-21 Jun
                .. Days(2026, 9, 25, 3),    // 中秋节 Mid-Autumn, 25-27 Sep
                .. Days(2026, 10, 1, 7),    // 国庆节 National Day, 1-7 Oct
            ],
            [new(2026, 1, 4), new(2026, 2, 14), new(2026, 2, 28), new(2026, 5, 9), new(2026, 9, 20), new(2026, 10, 10)],
            "国务院办公厅关于2026年部分节假日安排的通知"),
        new(2027,
            [
                new(2027, 1, 1),            // 元旦
                .. Days(2027, 2, 5, 4),     // 春节: 除夕 5 Feb, 初一 6 Feb (statutory four days)
                new(2027, 4, 5),            // 清明节
                .. Days(2027, 5, 1, 2),     // 劳动节
                new(2027, 6, 9),            // 端午节
                new(2027, 9, 15),           // 中秋节
                .. Days(2027, 10, 1, 3),    // 国庆节
            ],
            [],
            "Provisional: statutory holidays only, until the State Council's notice for 2027 is entered. 暂按法定节假日，待国务院通知发布后更新。",
            Provisional: true),
    ];

    private static IEnumerable<DateOnly> Days(int year, int month, int day, int count) =>
        Enumerable.Range(0, count).Select(i => new DateOnly(year, month, day).AddDays(i));
}
