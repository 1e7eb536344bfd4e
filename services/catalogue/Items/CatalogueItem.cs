using System.Text.RegularExpressions;
using Talent.Catalogue.Stages;
using Talent.Contracts.Catalogue;

namespace Talent.Catalogue.Items;

/// <summary>
/// The directory's entry of a one-thing item: the version the editing workflow published last, or withdrawn.
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

    /// <summary>When the entry last changed (published or withdrawn): replicas' search indexes read what changed since.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>The directory's entry follows the version the editing workflow published.</summary>
    public static CatalogueItem For(string code) => new() { Code = code };

    public CatalogueItemPublished ShowPublished(Editing.ItemVersion published, DateTimeOffset now)
    {
        Version = published.Version;
        TitleZh = published.Content.TitleZh;
        TitleEn = published.Content.TitleEn;
        LeadDepartment = published.Content.LeadDepartment;
        PublishedAt = now;
        ChangedAt = now;
        Withdrawn = false;
        return Announce(published);
    }

    /// <summary>The published event of the version this entry shows, as first published (a re-announcement has a new id only).</summary>
    public CatalogueItemPublished Announce(Editing.ItemVersion published)
    {
        var content = published.Content;
        return new CatalogueItemPublished(
            Guid.CreateVersion7(), PublishedAt, Code, Version, TitleZh, TitleEn, LeadDepartment,
            StageNames.Code(content.Category),
            [.. content.Stages.Select(StageNames.Code)],
            FlowCards.FlowCardSnapshots.Of(published.FlowCard));
    }

    public CatalogueItemWithdrawn Withdraw(string reason, DateTimeOffset now)
    {
        Withdrawn = true;
        ChangedAt = now;
        return new CatalogueItemWithdrawn(Guid.CreateVersion7(now), now, Code, Version, reason);
    }

    private CatalogueItem()
    {
    }

    public static bool IsValidCode(string? code) => !string.IsNullOrWhiteSpace(code) && CodePattern().IsMatch(code);

    public const string CodeError = "A code of 2 to 32 capital letters, digits and hyphens is required, e.g. TALENT-APARTMENT. 事项编码必填：2 至 32 位大写字母、数字或连字符。";

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,31}$")]
    private static partial Regex CodePattern();
}
