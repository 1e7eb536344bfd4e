namespace Talent.Exchange.Feed;

/// <summary>
/// A public event in the change feed, as a CloudEvents 1.0 event: its id (the integration event's), type, source,
/// subject, time and JSON data. Stored with a sequence and, in a column EF does not map, the id of the transaction that
/// wrote it (<c>tx</c>, <c>xid8</c>): readers page by (tx, sequence) below the oldest running transaction, so a row that
/// commits late is never skipped by a cursor that already moved on (see <see cref="FeedApi"/>).
/// </summary>
public sealed class FeedEvent
{
    public long Sequence { get; private set; }

    public Guid Id { get; private set; }

    public string Type { get; private set; } = "";

    public string Source { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public DateTimeOffset Time { get; private set; }

    /// <summary>The event's data as JSON (what a municipal system may see: no personal data).</summary>
    public string Data { get; private set; } = "{}";

    /// <summary>One entry per fact: a re-announced item version adds nothing (unique).</summary>
    public string DedupeKey { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    private FeedEvent()
    {
    }

    public static FeedEvent Of(Guid id, string type, string source, string subject, DateTimeOffset time, string data, string dedupeKey, DateTimeOffset now) =>
        new() { Id = id, Type = type, Source = source, Subject = subject, Time = time, Data = data, DedupeKey = dedupeKey, RecordedAt = now };
}

/// <summary>The CloudEvents types of the feed (reverse-DNS, versioned).</summary>
public static class FeedTypes
{
    public const string ItemPublished = "cn.talent.catalogue.item.published.v1";

    public const string ItemWithdrawn = "cn.talent.catalogue.item.withdrawn.v1";

    /// <summary>A case's new state, shared because its applicant consented.</summary>
    public const string ApplicationState = "cn.talent.applications.application.state-changed.v1";

    /// <summary>A month's published 好差评 figures (satisfaction), overall and per department.</summary>
    public const string SatisfactionFigures = "cn.talent.feedback.figures.published.v1";

    public const string CatalogueSource = "/talent/catalogue";

    public const string ApplicationsSource = "/talent/applications";

    public const string FeedbackSource = "/talent/feedback";

    public static readonly string[] All = [ItemPublished, ItemWithdrawn, ApplicationState, SatisfactionFigures];
}
