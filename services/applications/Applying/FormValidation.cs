using System.Globalization;
using System.Text.Json;
using Talent.Contracts.Catalogue;

namespace Talent.Applications.Applying;

/// <summary>
/// Checks answers against exactly the form of the flow-card version applied under: required fields, types (text, long
/// text, number, date as yyyy-MM-dd, single and multiple choice among the options), lengths, unknown fields. Each error
/// is under <c>form.{code}</c>.
/// </summary>
public static class FormValidation
{
    public const int TextMaxLength = 500;
    public const int LongTextMaxLength = 5000;

    public static Dictionary<string, string[]> Validate(IReadOnlyList<FormFieldSnapshot> form, IReadOnlyDictionary<string, JsonElement> answers, bool requireComplete)
    {
        var errors = new Dictionary<string, string[]>();
        var fields = form.ToDictionary(f => f.Code, StringComparer.Ordinal);
        foreach (var code in answers.Keys.Where(k => !fields.ContainsKey(k)))
        {
            errors[$"form.{code}"] = ["This item's form has no such field. 表单中没有该字段。"];
        }

        foreach (var field in form)
        {
            var present = answers.TryGetValue(field.Code, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
                && !(value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()))
                && !(value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0);
            if (!present)
            {
                if (field.Required && requireComplete)
                {
                    errors[$"form.{field.Code}"] = [$"{field.LabelZh} is required. {field.LabelZh}为必填项。"];
                }

                continue;
            }

            if (Check(field, value) is { } error)
            {
                errors[$"form.{field.Code}"] = [error];
            }
        }

        return errors;
    }

    private static string? Check(FormFieldSnapshot field, JsonElement value)
    {
        var options = field.Options.Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
        return field.Type switch
        {
            "text" => value.ValueKind != JsonValueKind.String || CaseLimits.Check(value.GetString(), TextMaxLength) is not null
                ? $"Text of at most {TextMaxLength} characters. 文本不超过 {TextMaxLength} 字。" : null,
            "longText" => value.ValueKind != JsonValueKind.String || CaseLimits.Check(value.GetString(), LongTextMaxLength) is not null
                ? $"Text of at most {LongTextMaxLength} characters. 文本不超过 {LongTextMaxLength} 字。" : null,
            "number" => value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out _)
                ? "A number. 请填写数字。" : null,
            "date" => value.ValueKind != JsonValueKind.String || !DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? "A date as yyyy-MM-dd. 日期格式为 yyyy-MM-dd。" : null,
            "singleChoice" => value.ValueKind != JsonValueKind.String || !options.Contains(value.GetString()!)
                ? $"One of: {string.Join(", ", options)}. 请从选项中选择一项。" : null,
            "multipleChoice" => value.ValueKind != JsonValueKind.Array
                || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || !options.Contains(v.GetString()!))
                || value.EnumerateArray().Select(v => v.GetString()).Distinct().Count() != value.GetArrayLength()
                ? $"Distinct values among: {string.Join(", ", options)}. 请从选项中选择（不重复）。" : null,
            _ => $"Unknown field type '{field.Type}'. 未知的字段类型。",
        };
    }
}
