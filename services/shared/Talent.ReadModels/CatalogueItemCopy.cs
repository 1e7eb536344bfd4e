using Talent.Contracts.Catalogue;

namespace Talent.ReadModels;

/// <summary>This service's own copy of a published catalogue item, so it keeps working when catalogue is down.</summary>
public sealed class CatalogueItemCopy
{
    public string Code { get; private set; } = "";

    public int Version { get; private set; }

    public string TitleZh { get; private set; } = "";

    public string? TitleEn { get; private set; }

    /// <summary>production or life (null from events published before the catalogue carried it).</summary>
    public string? Category { get; private set; }

    public List<string> Stages { get; private set; } = [];

    public string? LeadDepartment { get; private set; }

    /// <summary>Taken out of the directory: no new applications or matches for it.</summary>
    public bool Withdrawn { get; private set; }

    public string? WithdrawalReason { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    private CatalogueItemCopy()
    {
    }

    public static CatalogueItemCopy From(CatalogueItemPublished published, DateTimeOffset now)
    {
        var copy = new CatalogueItemCopy { Code = published.Code };
        copy.Apply(published, now);
        return copy;
    }

    /// <summary>
    /// A withdrawal that arrived before the item was ever published here (the two events travel on separate queues):
    /// kept, so the publish of that version arriving later cannot put the item back in the directory.
    /// </summary>
    public static CatalogueItemCopy Tombstone(CatalogueItemWithdrawn withdrawn, DateTimeOffset now) => new()
    {
        Code = withdrawn.Code,
        Version = withdrawn.Version,
        TitleZh = withdrawn.Code,
        Withdrawn = true,
        WithdrawalReason = withdrawn.Reason,
        PublishedAt = withdrawn.OccurredAt,
        ReceivedAt = now,
    };

    /// <summary>
    /// Takes a newer version. An older one arriving late changes nothing; the same version arriving again (a replay, or
    /// after its withdrawal on the other queue) refreshes the description but never undoes a withdrawal: only a newer
    /// version puts a withdrawn item back.
    /// </summary>
    public bool Apply(CatalogueItemPublished published, DateTimeOffset now)
    {
        if (published.Version < Version)
        {
            return false;
        }

        var stillWithdrawn = Withdrawn && published.Version == Version;
        Version = published.Version;
        TitleZh = published.TitleZh;
        TitleEn = published.TitleEn;
        Category = published.Category;
        Stages = [.. published.Stages ?? []];
        LeadDepartment = published.LeadDepartment;
        Withdrawn = stillWithdrawn;
        WithdrawalReason = stillWithdrawn ? WithdrawalReason : null;
        PublishedAt = published.OccurredAt;
        ReceivedAt = now;
        return true;
    }

    /// <summary>Marks the item withdrawn, unless a newer version was published since.</summary>
    public bool Apply(CatalogueItemWithdrawn withdrawn)
    {
        if (withdrawn.Version < Version)
        {
            return false;
        }

        Withdrawn = true;
        WithdrawalReason = withdrawn.Reason;
        return true;
    }
}
