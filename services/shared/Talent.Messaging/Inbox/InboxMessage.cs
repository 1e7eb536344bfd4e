namespace Talent.Messaging.Inbox;

/// <summary>A message a consumer has applied; its presence makes a redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; private set; }

    public string Consumer { get; private set; } = "";

    public DateTimeOffset ProcessedAt { get; private set; }

    private InboxMessage()
    {
    }

    internal static InboxMessage Create(Guid messageId, string consumer, DateTimeOffset now) =>
        new() { MessageId = messageId, Consumer = consumer, ProcessedAt = now };
}
