using System.Globalization;

namespace Talent.Feedback.Figures;

/// <summary>The <c>from</c> and <c>to</c> months (yyyy-MM) of the published figures and of demand analysis.</summary>
public static class MonthRange
{
    /// <summary>
    /// <c>from</c> and <c>to</c> as months: by default the twelve months up to this one; at most ten years, in order.
    /// Errors are added to <paramref name="errors"/> by field.
    /// </summary>
    public static (DateOnly First, DateOnly Last) Read(string? from, string? to, DateOnly thisMonth, Dictionary<string, string[]> errors)
    {
        var count = errors.Count;
        var last = Month(to, "to", errors) ?? thisMonth;
        var first = Month(from, "from", errors) ?? last.AddMonths(-11);
        if (errors.Count == count && first > last)
        {
            errors["from"] = ["from must not be after to. 起始月份不能晚于截止月份。"];
        }
        else if (errors.Count == count && first < last.AddMonths(-119))
        {
            errors["from"] = ["At most ten years at once. 一次最多查询十年。"];
        }

        return (first, last);
    }

    private static DateOnly? Month(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 2000 and <= 2100)
        {
            return month;
        }

        errors[field] = ["A month as yyyy-MM. 月份格式为 yyyy-MM。"];
        return null;
    }
}
