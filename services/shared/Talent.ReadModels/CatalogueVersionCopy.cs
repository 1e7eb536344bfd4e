using Talent.Contracts.Catalogue;

namespace Talent.ReadModels;

/// <summary>
/// Every published version's flow card, as received: an application is validated and timed against the exact
/// version it was submitted under, even after newer versions are published.
/// </summary>
public sealed class CatalogueVersionCopy
{
    public string Code { get; private set; } = "";

    public int Version { get; private set; }

    public string? LeadDepartment { get; private set; }

    public FlowCardSnapshot? FlowCard { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    private CatalogueVersionCopy()
    {
    }

    public static CatalogueVersionCopy From(CatalogueItemPublished published) => new()
    {
        Code = published.Code,
        Version = published.Version,
        LeadDepartment = published.LeadDepartment,
        FlowCard = published.FlowCard,
        PublishedAt = published.OccurredAt,
    };
}
