namespace Talent.Applications.Applying;

/// <summary>Configuration section <c>Applications</c>.</summary>
public sealed class ApplicationsOptions
{
    /// <summary>Working days to accept (受理) after submission, by default and per item code.</summary>
    public int AcceptanceDays { get; set; } = 1;

    public Dictionary<string, int> AcceptanceDaysByItem { get; set; } = [];

    /// <summary>Alert this many working days before a deadline.</summary>
    public int DueSoonDays { get; set; } = 1;

    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>How long an accepted material stays in the wallet.</summary>
    public int WalletValidYears { get; set; } = 1;

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    public int AcceptanceDaysFor(string item) => AcceptanceDaysByItem.TryGetValue(item, out var days) ? days : AcceptanceDays;
}
