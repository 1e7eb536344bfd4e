namespace Talent.Matching.Record;

/// <summary>
/// One fact of a person's record (one record across the lifecycle) told by another service's event: an application
/// submitted or decided (applications), a service rated (feedback). Matching's own facts (demands, visits, engagements,
/// certifications) are read from its tables. Keyed by the event, so a redelivery adds nothing.
/// </summary>
public sealed class RecordEntry
{
    public const string Submitted = "applicationSubmitted";
    public const string Decided = "applicationDecided";
    public const string Rated = "rated";

    /// <summary>The event's id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The person; empty for a rating, which names only what was rated (<see cref="SubjectId"/>), resolved when read.</summary>
    public string PersonId { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public string Kind { get; private set; } = "";

    /// <summary>The application (or, for a rating, the application or engagement rated).</summary>
    public Guid SubjectId { get; private set; }

    /// <summary>The application's reference number (TA-…); for a rating, "application" or "engagement".</summary>
    public string Reference { get; private set; } = "";

    public string? ItemCode { get; private set; }

    public string? ItemTitleZh { get; private set; }

    public string? ItemTitleEn { get; private set; }

    /// <summary>The lifecycle stages of the item (from the catalogue copy when the event arrived).</summary>
    public List<string> Stages { get; private set; } = [];

    /// <summary>approved or denied; the rating's level; the channel of a submission.</summary>
    public string? Outcome { get; private set; }

    private RecordEntry()
    {
    }

    public static RecordEntry Of(Guid eventId, string personId, DateTimeOffset at, string kind, Guid subjectId, string reference, string? itemCode,
        string? titleZh, string? titleEn, IEnumerable<string> stages, string? outcome) => new()
    {
        Id = eventId,
        PersonId = personId,
        At = at,
        Kind = kind,
        SubjectId = subjectId,
        Reference = reference.Length > 40 ? reference[..40] : reference,
        ItemCode = itemCode,
        ItemTitleZh = titleZh,
        ItemTitleEn = titleEn,
        Stages = [.. stages],
        Outcome = outcome,
    };
}

/// <summary>Whether the person lets the butlers who serve them read their record (off until they say so).</summary>
public sealed class RecordSharing
{
    public string PersonId { get; private set; } = "";

    public bool WithButlers { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    private RecordSharing()
    {
    }

    public static RecordSharing For(string personId) => new() { PersonId = personId };

    public void Set(bool withButlers, DateTimeOffset now) => (WithButlers, ChangedAt) = (withButlers, now);
}
