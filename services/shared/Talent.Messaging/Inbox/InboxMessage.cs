using Microsoft.EntityFrameworkCore;
using Npgsql;

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

    /// <summary>A save refused because the message was applied already by this consumer (the inbox's key).</summary>
    internal static bool IsDuplicate(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: MessagingModel.InboxKey };
}
