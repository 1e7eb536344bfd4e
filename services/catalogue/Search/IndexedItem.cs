using Talent.Catalogue.Editing;
using Talent.Catalogue.Stages;

namespace Talent.Catalogue.Search;

/// <summary>What the directory shows and searches of one published item version.</summary>
public sealed record IndexedItem(
    string Code,
    int Version,
    string TitleZh,
    string? TitleEn,
    string SummaryZh,
    string? SummaryEn,
    string Category,
    IReadOnlyList<string> Stages,
    IReadOnlyList<string> Audience,
    string LeadDepartment,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Materials,
    IReadOnlyList<string> ServiceItems,
    int CommittedLimitDays,
    int InPersonVisits)
{
    /// <summary>The item as indexed; <paramref name="serviceItemTitles"/> gives the bundled items' titles by code.</summary>
    public static IndexedItem Of(ItemVersion version, IReadOnlyDictionary<string, string> serviceItemTitles)
    {
        var content = version.Content;
        var card = version.FlowCard;
        return new IndexedItem(
            version.Code,
            version.Version,
            content.TitleZh,
            content.TitleEn,
            content.SummaryZh,
            content.SummaryEn,
            StageNames.Code(content.Category),
            [.. content.Stages.Select(StageNames.Code)],
            content.Audience,
            content.LeadDepartment,
            content.Keywords,
            [.. card.Materials.Select(m => m.NameEn is null ? m.NameZh : $"{m.NameZh} {m.NameEn}")],
            [.. content.ServiceItems.Select(c => serviceItemTitles.GetValueOrDefault(c, c))],
            card.CommittedLimitDays,
            card.InPersonVisits);
    }

    public string Title => TitleEn is null ? TitleZh : $"{TitleZh} {TitleEn}";

    public string Body => string.Join('\n', [SummaryZh, SummaryEn ?? "", .. Materials, .. ServiceItems]);
}
