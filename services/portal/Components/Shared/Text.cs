using System.Globalization;

namespace Talent.Portal.Components.Shared;

/// <summary>Picks the text in the person's language: English where the data has it and English is chosen, else Chinese.</summary>
public static class Text
{
    public static bool English => !CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    public static string Pick(string zh, string? en) => English && !string.IsNullOrWhiteSpace(en) ? en : zh;

    public static string Date(DateTimeOffset? at) => at is { } value ? value.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";

    public static string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
