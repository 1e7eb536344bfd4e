namespace Talent.Applications.Bookings;

/// <summary>
/// A room or hall of the one-stop service complex (一站式服务综合体): the digital sand table (数字沙盘), the results
/// exhibition (成果展示), the roadshow hall (路演报告), the tea-break lounge (茶歇交流). Booked by the hour on working days
/// within its opening hours, for at most its capacity of people.
/// </summary>
public sealed class Venue
{
    public string Code { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    /// <summary>sandTable, exhibition, roadshow or lounge.</summary>
    public string Kind { get; private set; } = "";

    public int Capacity { get; private set; }

    /// <summary>Opening hours, whole hours in the zone's time (UTC+8).</summary>
    public int OpensAt { get; private set; } = 9;

    public int ClosesAt { get; private set; } = 18;

    public bool Open { get; private set; } = true;

    private Venue()
    {
    }

    public static Venue Of(string code, string nameZh, string nameEn, string kind, int capacity, int opensAt = 9, int closesAt = 18) =>
        new() { Code = code, NameZh = nameZh, NameEn = nameEn, Kind = kind, Capacity = capacity, OpensAt = opensAt, ClosesAt = closesAt };

    /// <summary>DEMONSTRATION DATA: the complex's four venues.</summary>
    public static Venue[] Demo() =>
    [
        Of("SANDTABLE", "数字沙盘展示厅（演示）", "Digital sand table hall (demo)", "sandTable", 30),
        Of("EXHIBITION", "成果展示厅（演示）", "Results exhibition hall (demo)", "exhibition", 80),
        Of("ROADSHOW", "路演报告厅（演示）", "Roadshow hall (demo)", "roadshow", 120),
        Of("TEA", "茶歇交流区（演示）", "Tea-break lounge (demo)", "lounge", 20),
    ];
}
