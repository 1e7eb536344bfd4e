using System.Diagnostics;
using Talent.Data;
using Talent.Messaging.Metrics;
using Talent.Notifications.Deliveries;
using Talent.Notifications.Inbox;

namespace Talent.Notifications.Messages;

/// <summary>
/// Counts the notifications made (<see cref="NotificationsMeters.Created"/>) once the save that adds them has committed:
/// a batch of events re-applied one by one after its transaction failed, or a save that fails, counts nothing twice or in
/// vain. Notifications are made in saves of their own (the consumers' inbox transaction), where saved is committed.
/// </summary>
public sealed class NotificationsCounter(BusinessMeters meters) : CommittedAdditionsInterceptor<Notification>
{
    protected override void Committed(IReadOnlyList<Notification> added)
    {
        foreach (var notification in added)
        {
            meters.Add(NotificationsMeters.Created, 1, new TagList { { "kind", notification.Kind }, { "language", notification.Language } });
        }
    }
}
