using System.Globalization;
using System.Text.Json;
using Talent.Portal.Apis;

namespace Talent.Portal.Components.Pages.Cases;

/// <summary>A posted answer as the applications API takes it: typed by the field, or null when it is not a valid one.</summary>
public static class AnswerValues
{
    public static JsonElement? Convert(FormField field, string[] values)
    {
        var options = field.Options.Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
        var one = values[0];
        return field.Type switch
        {
            "text" when one.Length <= CaseForm.TextMax => JsonSerializer.SerializeToElement(one),
            "longText" when one.Length <= CaseForm.LongTextMax => JsonSerializer.SerializeToElement(one),
            "number" when decimal.TryParse(one, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonSerializer.SerializeToElement(number),
            "date" when DateOnly.TryParseExact(one, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => JsonSerializer.SerializeToElement(one),
            "singleChoice" when options.Contains(one) => JsonSerializer.SerializeToElement(one),
            "multipleChoice" when values.All(options.Contains) => JsonSerializer.SerializeToElement(values.Distinct().ToArray()),
            _ => null,
        };
    }
}
