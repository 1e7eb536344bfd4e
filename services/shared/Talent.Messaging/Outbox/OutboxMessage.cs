namespace Talent.Messaging.Outbox;

/// <summary>An event recorded in the same transaction as the state change that raised it.</summary>
public sealed class OutboxMessage
{
    /// <summary>Recording order: the relay publishes in ascending <see cref="Sequence"/>.</summary>
    public long Sequence { get; private set; }

    public Guid MessageId { get; private set; }

    public string MessageType { get; private set; } = "";

    public string Body { get; private set; } = "";

    /// <summary>W3C traceparent of the request that recorded the event, so the trace continues across the broker.</summary>
    public string? TraceParent { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>Publishes that failed while the broker answered (an outage of the broker itself is not counted).</summary>
    public int Failures { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>When the relay gave up on this row (unknown type, unreadable body, refused too often); an operator retries it.</summary>
    public DateTimeOffset? SetAsideAt { get; private set; }

    /// <summary>The event itself while its transaction is open (not stored): the business meters count it once committed.</summary>
    internal object? Event { get; private set; }

    private OutboxMessage()
    {
    }

    internal static OutboxMessage Create(object integrationEvent, Guid messageId, string messageType, string body, string? traceParent, DateTimeOffset now) =>
        new() { Event = integrationEvent, MessageId = messageId, MessageType = messageType, Body = body, TraceParent = traceParent, RecordedAt = now };

    internal void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        Attempts++;
    }
}
