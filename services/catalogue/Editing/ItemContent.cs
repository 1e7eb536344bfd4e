using Talent.Catalogue.FlowCards;
using Talent.Catalogue.Stages;

namespace Talent.Catalogue.Editing;

/// <summary>What a one-thing item (一件事) says about itself in one version, besides its flow card.</summary>
public sealed record ItemContent
{
    public string TitleZh { get; init; } = "";

    public string? TitleEn { get; init; }

    public string SummaryZh { get; init; } = "";

    public string? SummaryEn { get; init; }

    public ItemCategory Category { get; init; }

    public IReadOnlyList<LifecycleStage> Stages { get; init; } = [];

    /// <summary>Talent tiers, enterprise kinds, or "everyone".</summary>
    public IReadOnlyList<string> Audience { get; init; } = [];

    /// <summary>The departmental service items this one-thing item bundles (a combined scenario).</summary>
    public IReadOnlyList<string> ServiceItems { get; init; } = [];

    public string LeadDepartment { get; init; } = "";

    public IReadOnlyList<string> Keywords { get; init; } = [];

    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 2000;

    public Dictionary<string, string[]> Validate(IReferenceCodes references)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(TitleZh) || TitleZh.Length > TitleMaxLength)
        {
            errors["titleZh"] = [$"The Chinese title is required, at most {TitleMaxLength} characters. 中文名称必填，不超过 {TitleMaxLength} 字。"];
        }

        if (TitleEn is { Length: > TitleMaxLength })
        {
            errors["titleEn"] = [$"The English title is at most {TitleMaxLength} characters. 英文名称过长。"];
        }

        if (SummaryZh.Length > SummaryMaxLength || SummaryEn is { Length: > SummaryMaxLength })
        {
            errors["summaryZh"] = [$"A summary is at most {SummaryMaxLength} characters. 简介过长。"];
        }

        if (Stages.Count == 0 && Category == ItemCategory.Production)
        {
            errors["stages"] = ["A production service names one or more lifecycle stages. 生产服务须注明所属阶段。"];
        }

        if (!references.IsDepartment(LeadDepartment))
        {
            errors["leadDepartment"] = [$"Unknown department code '{LeadDepartment}'. 未知的牵头部门代码。"];
        }

        for (var i = 0; i < ServiceItems.Count; i++)
        {
            if (!references.IsServiceItem(ServiceItems[i]))
            {
                errors[$"serviceItems[{i}]"] = [$"Unknown service item code '{ServiceItems[i]}'. 未知的部门事项编码。"];
            }
        }

        return errors;
    }
}
