using System.Globalization;

namespace Talent.Portal.Console;

/// <summary>
/// The months the operators' figures cover, as the page's form and the CSV links give them (<c>from</c>, <c>to</c>:
/// <c>yyyy-MM</c>): by default the twelve months up to this one (in the zone's time); in order, at most ten years, as the
/// feedback service allows. Each wrong field has its error (the key is the field).
/// </summary>
public sealed record FiguresPeriod(DateOnly From, DateOnly To)
{
    public const int MaxMonths = 120;

    public static (FiguresPeriod Period, Dictionary<string, string> Errors) Read(string? from, string? to, DateTimeOffset now, Func<string, string> text)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var thisMonth = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).Date);
        thisMonth = new DateOnly(thisMonth.Year, thisMonth.Month, 1);
        var last = Month(to, "to", errors, text) ?? thisMonth;
        var first = Month(from, "from", errors, text) ?? last.AddMonths(-11);
        if (errors.Count == 0 && first > last)
        {
            errors["from"] = text("FromAfterTo");
        }
        else if (errors.Count == 0 && first < last.AddMonths(-(MaxMonths - 1)))
        {
            errors["from"] = text("TooLong");
        }

        return (new FiguresPeriod(first, last), errors);
    }

    /// <summary>This period as a query (<c>from=yyyy-MM&amp;to=yyyy-MM</c>).</summary>
    public string Query => $"from={Apis.FiguresApi.Month(From)}&to={Apis.FiguresApi.Month(To)}";

    private static DateOnly? Month(string? value, string field, Dictionary<string, string> errors, Func<string, string> text)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 2000 and <= 2100)
        {
            return month;
        }

        errors[field] = text("MonthFormat");
        return null;
    }
}
