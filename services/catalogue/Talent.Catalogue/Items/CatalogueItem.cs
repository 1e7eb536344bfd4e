using System.Text.Json;
using System.Text.RegularExpressions;
using Talent.Contracts.Catalogue;

namespace Talent.Catalogue.Items;

/// <summary>
/// Walking skeleton of a one-thing item: a code and titles, published on creation.
/// The catalogue issue replaces it with drafts, review and flow cards.
/// </summary>
public sealed partial class CatalogueItem
{
    public const int CodeMaxLength = 32;
    public const int TitleMaxLength = 200;

    public string Code { get; private set; } = "";

    public int Version { get; private set; }

    public string TitleZh { get; private set; } = "";

    public string? TitleEn { get; private set; }

    /// <summary>The department that leads the item; its staff may edit it.</summary>
    public string LeadDepartment { get; private set; } = "";

    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>Taken out of the directory; kept for history and audit.</summary>
    public bool Withdrawn { get; private set; }

    /// <summary>The directory's entry follows the version the editing workflow published.</summary>
    public static CatalogueItem For(string code) => new() { Code = code };

    public CatalogueItemPublished ShowPublished(Editing.ItemVersion published, DateTimeOffset now)
    {
        Version = published.Version;
        TitleZh = published.Content.TitleZh;
        TitleEn = published.Content.TitleEn;
        LeadDepartment = published.Content.LeadDepartment;
        PublishedAt = now;
        Withdrawn = false;
        var content = published.Content;
        return new CatalogueItemPublished(
            Guid.CreateVersion7(now), now, Code, Version, TitleZh, TitleEn, LeadDepartment,
            JsonNamingPolicy.CamelCase.ConvertName(content.Category.ToString()),
            [.. content.Stages.Select(s => JsonNamingPolicy.CamelCase.ConvertName(s.ToString()))],
            FlowCards.FlowCardSnapshots.Of(published.FlowCard));
    }

    public CatalogueItemWithdrawn Withdraw(string reason, DateTimeOffset now)
    {
        Withdrawn = true;
        return new CatalogueItemWithdrawn(Guid.CreateVersion7(now), now, Code, Version, reason);
    }

    private CatalogueItem()
    {
    }

    public static bool IsValidCode(string? code) => !string.IsNullOrWhiteSpace(code) && CodePattern().IsMatch(code);

    public const string CodeError = "A code of 2 to 32 capital letters, digits and hyphens is required, e.g. TALENT-APARTMENT. 事项编码必填：2 至 32 位大写字母、数字或连字符。";

    public static Dictionary<string, string[]> Validate(string? code, string? titleZh, string? titleEn, string? leadDepartment)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(leadDepartment) || !DepartmentPattern().IsMatch(leadDepartment))
        {
            errors["leadDepartment"] = ["The lead department's code is required, e.g. STI. 牵头部门代码必填，如 STI。"];
        }

        if (!IsValidCode(code))
        {
            errors["code"] = [CodeError];
        }

        if (string.IsNullOrWhiteSpace(titleZh))
        {
            errors["titleZh"] = ["The Chinese title is required. 中文名称必填。"];
        }
        else if (titleZh.Length > TitleMaxLength)
        {
            errors["titleZh"] = [$"The Chinese title is at most {TitleMaxLength} characters. 中文名称不超过 {TitleMaxLength} 字。"];
        }

        if (titleEn is { Length: > TitleMaxLength })
        {
            errors["titleEn"] = [$"The English title is at most {TitleMaxLength} characters. 英文名称不超过 {TitleMaxLength} 字符。"];
        }

        return errors;
    }

    public static (CatalogueItem Item, CatalogueItemPublished Event) Publish(string code, string titleZh, string? titleEn, string leadDepartment, DateTimeOffset now)
    {
        var item = new CatalogueItem
        {
            Code = code,
            LeadDepartment = leadDepartment,
            Version = 1,
            TitleZh = titleZh.Trim(),
            TitleEn = string.IsNullOrWhiteSpace(titleEn) ? null : titleEn.Trim(),
            PublishedAt = now,
        };
        return (item, new CatalogueItemPublished(Guid.CreateVersion7(now), now, item.Code, item.Version, item.TitleZh, item.TitleEn));
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,31}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[A-Z][A-Z0-9]{1,19}$")]
    private static partial Regex DepartmentPattern();
}
