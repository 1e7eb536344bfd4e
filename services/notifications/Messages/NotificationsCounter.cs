using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Talent.Messaging.Metrics;
using Talent.Notifications.Deliveries;
using Talent.Notifications.Inbox;

namespace Talent.Notifications.Messages;

/// <summary>
/// Counts the notifications made (<see cref="NotificationsMeters.Created"/>) once the save that adds them has committed:
/// a batch of events re-applied one by one after its transaction failed, or a save that fails, counts nothing twice or in
/// vain. Notifications are made in saves of their own (the consumers' inbox transaction), where saved is committed.
/// </summary>
public sealed class NotificationsCounter(BusinessMeters meters) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<(string Kind, string Language)>> _adding = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var added = context.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added).Select(e => (e.Entity.Kind, e.Entity.Language)).ToList();
            if (added.Count > 0)
            {
                _adding.AddOrUpdate(context, added);
            }
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _adding.TryGetValue(context, out var added))
        {
            _adding.Remove(context);
            if (context.Database.CurrentTransaction is null)
            {
                foreach (var (kind, language) in added)
                {
                    meters.Add(NotificationsMeters.Created, 1, new TagList { { "kind", kind }, { "language", language } });
                }
            }
        }

        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            _adding.Remove(context);
        }

        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }
}
