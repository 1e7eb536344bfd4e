using Talent.Notifications.Messages;

namespace Talent.Notifications.Inbox;

/// <summary>
/// One message to one person about one event (table <c>notifications</c>): the in-app inbox entry, written in the
/// person's language when it was made. (event, recipient) is unique, so a redelivered event never notifies twice.
/// </summary>
public sealed class Notification
{
    public const int KindLength = 40;
    public const int ReferenceLength = 40;
    public const int TitleLength = 300;
    public const int TextLength = 4000;

    public Guid Id { get; private set; }

    public string RecipientId { get; private set; } = "";

    public string Kind { get; private set; } = "";

    /// <summary>The event this notification is about (its <c>EventId</c>).</summary>
    public Guid SourceEventId { get; private set; }

    /// <summary>What it concerns, as people quote it (an application's reference number).</summary>
    public string Reference { get; private set; } = "";

    public string Language { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public string NextStep { get; private set; } = "";

    /// <summary>By when the next step is due, when something is.</summary>
    public DateOnly? DueOn { get; private set; }

    /// <summary>The portal page the message points to (a path under the portal).</summary>
    public string? Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    private Notification()
    {
    }

    public static Notification Create(string recipientId, Guid sourceEventId, MessageFacts facts, string language, WrittenMessage written, string? link, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RecipientId = recipientId,
        Kind = facts.Kind,
        SourceEventId = sourceEventId,
        Reference = Cut(facts.Reference, ReferenceLength),
        Language = language,
        Title = Cut(written.Title, TitleLength),
        Body = Cut(written.Body, TextLength),
        NextStep = Cut(written.NextStep, TextLength),
        DueOn = written.By,
        Link = link,
        CreatedAt = now,
    };

    /// <summary>Marks it read; false when it was read already (the first reading's time stays).</summary>
    public bool MarkRead(DateTimeOffset now)
    {
        if (ReadAt is not null)
        {
            return false;
        }

        ReadAt = now;
        return true;
    }

    private static string Cut(string value, int length) => value.Length > length ? value[..length] : value;
}
