using System.Globalization;
using Microsoft.Extensions.Localization;
using Talent.Portal.Apis;
using Talent.Portal.Components.Shared;

namespace Talent.Portal.Components.Pages.Cases;

/// <summary>Small pieces of text the case pages share: labels in the person's language, dates, the API's own messages.</summary>
public static class CaseText
{
    /// <summary>The states <c>/mine?state=</c> filters by, in the order a case lives them.</summary>
    public static readonly string[] States = ["Draft", "Submitted", "ReturnedForSupplement", "Accepted", "InReview", "Approved", "Denied", "NotAccepted", "Withdrawn"];

    public static string Label(FormField field) => Text.Pick(field.LabelZh, field.LabelEn);

    public static string Name(RequiredMaterial material) => Text.Pick(material.NameZh, material.NameEn);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant as the zone's (UTC+8) date and time.</summary>
    public static string When(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : Math.Max(1, bytes / 1024).ToString(CultureInfo.InvariantCulture) + " KB";

    /// <summary>A count in words (working days, cases): the key's ".one" form for 1 where the language has one (English).</summary>
    public static string Count(IStringLocalizer<CasesStrings> text, string key, int count, params object[] more)
    {
        var one = count == 1 ? text[key + ".one", [count, .. more]] : null;
        return one is { ResourceNotFound: false } ? one.Value : text[key, [count, .. more]].Value;
    }

    /// <summary>
    /// Department names in the person's language, by code (the code itself when the catalogue does not answer); a name
    /// the page's own text has (<c>Department.{code}</c>, e.g. the platform's window, not in the catalogue) comes first.
    /// </summary>
    public static async Task<Func<string?, string>> DepartmentNamesAsync(CatalogueApi catalogue, CancellationToken ct, IStringLocalizer? own = null)
    {
        var found = await catalogue.DepartmentsAsync(ct);
        var names = (found.Value ?? []).ToDictionary(d => d.Code, d => Text.Pick(d.NameZh, d.NameEn), StringComparer.Ordinal);
        return code => code is null ? "" : own?[$"Department.{code}"] is { ResourceNotFound: false } named ? named.Value : names.GetValueOrDefault(code) ?? code;
    }

    /// <summary>
    /// The services write messages in English then Chinese ("A number. 请填写数字。"): the part in the person's language.
    /// Only for messages the portal has no text of its own for.
    /// </summary>
    public static string InLanguage(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return "";
        }

        var cjk = 0;
        while (cjk < message.Length && message[cjk] is not (>= '\u4e00' and <= '\u9fff' or >= '\u3000' and <= '\u303f'))
        {
            cjk++;
        }

        if (cjk == message.Length || cjk == 0)
        {
            return message;
        }

        // Back to the start of the Chinese sentence (a code or number may begin it).
        var start = message.LastIndexOf(". ", cjk, StringComparison.Ordinal) is var dot and >= 0 ? dot + 2 : cjk;
        var english = message[..start].Trim();
        return Text.English && english.Length > 0 ? english : message[start..].Trim();
    }
}
