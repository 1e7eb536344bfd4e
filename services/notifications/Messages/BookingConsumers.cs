using Talent.Contracts.Applications;
using Talent.Messaging.Inbox;
using Talent.Notifications.Data;

namespace Talent.Notifications.Messages;

/// <summary>The booker hears that the complex confirmed or declined their booking (and why, when declined).</summary>
public sealed class BookingDecidedConsumer(NotificationsDbContext db, TimeProvider time, ILogger<BookingDecidedConsumer> logger, Notifier notifier)
    : InboxConsumer<NotificationsDbContext, BookingDecided>(db, time, logger)
{
    protected override Task HandleAsync(BookingDecided message, CancellationToken cancellationToken)
    {
        var facts = BookingFacts.Of(NotificationKinds.BookingDecided, message.BookingId, message.VenueNameZh, message.VenueNameEn, message.StartsAt, message.EndsAt) with
        {
            Approved = message.Confirmed,
            Note = message.Note,
        };
        return notifier.NotifyAsync(message.BookerId, message.EventId, facts, "/complex", cancellationToken);
    }
}

/// <summary>The booker is reminded the day before a confirmed booking.</summary>
public sealed class BookingReminderConsumer(NotificationsDbContext db, TimeProvider time, ILogger<BookingReminderConsumer> logger, Notifier notifier)
    : InboxConsumer<NotificationsDbContext, BookingReminder>(db, time, logger)
{
    protected override Task HandleAsync(BookingReminder message, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(message.BookerId, message.EventId,
            BookingFacts.Of(NotificationKinds.BookingReminder, message.BookingId, message.VenueNameZh, message.VenueNameEn, message.StartsAt, message.EndsAt), "/complex", cancellationToken);
}

internal static class BookingFacts
{
    /// <summary>The venue as the item's names, the time (zone's) as the stage, the day as the date.</summary>
    public static MessageFacts Of(string kind, Guid booking, string venueZh, string venueEn, DateTimeOffset starts, DateTimeOffset ends)
    {
        var (from, to) = (starts.ToOffset(TimeSpan.FromHours(8)), ends.ToOffset(TimeSpan.FromHours(8)));
        return new MessageFacts(kind, References.Short(booking), "", venueZh, venueEn, By: DateOnly.FromDateTime(from.DateTime), Stage: $"{from:HH:mm}–{to:HH:mm}");
    }
}
