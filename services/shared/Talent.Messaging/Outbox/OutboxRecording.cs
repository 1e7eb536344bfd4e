using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talent.Contracts;

namespace Talent.Messaging.Outbox;

public static class OutboxRecording
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Records an integration event in the context's outbox. It is written by the next
    /// <c>SaveChanges</c>, in the same transaction as the state change, and published after commit.
    /// </summary>
    public static void RecordEvent<TEvent>(this DbContext db, TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent
    {
        // The runtime type: an event handed over as IIntegrationEvent is still recorded as what it is.
        var type = integrationEvent.GetType();
        var body = JsonSerializer.Serialize(integrationEvent, type, Json);
        db.Set<OutboxMessage>().Add(OutboxMessage.Create(
            integrationEvent,
            integrationEvent.EventId,
            EventTypes.NameOf(type),
            body,
            Activity.Current?.Id,
            integrationEvent.OccurredAt.ToUniversalTime()));
    }
}
