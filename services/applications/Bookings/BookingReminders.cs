using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Applications.Applying;
using Talent.Applications.Data;
using Talent.Contracts.Applications;
using Talent.Messaging.Outbox;

namespace Talent.Applications.Bookings;

/// <summary>
/// Reminds each booker once, the day before, of a confirmed booking (<c>BookingReminder</c>): every sweep interval, the
/// confirmed bookings starting within a day and not yet reminded, taken with <c>FOR UPDATE SKIP LOCKED</c> so replicas
/// never remind twice.
/// </summary>
public sealed class BookingReminders(IServiceScopeFactory scopes, IOptions<ApplicationsOptions> options, TimeProvider time, ILogger<BookingReminders> logger)
    : PeriodicWork(time, logger)
{
    private readonly TimeProvider _time = time;

    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => RemindAsync(cancellationToken);

    /// <summary>One pass; the number of reminders recorded.</summary>
    public async Task<int> RemindAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        var now = _time.GetUtcNow().ToUniversalTime();
        var until = now.AddDays(1);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Bookings
            .FromSql($"""
                SELECT *, xmin FROM bookings
                WHERE state = 'Confirmed' AND reminded_at IS NULL AND starts_at > {now} AND starts_at <= {until}
                ORDER BY starts_at
                LIMIT 500
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        var venues = await db.Venues.AsNoTracking().ToDictionaryAsync(v => v.Code, ct);
        var reminded = 0;
        foreach (var booking in due.Where(b => b.Remind(now)))
        {
            var venue = venues[booking.VenueCode];
            db.RecordEvent(new BookingReminder(Guid.CreateVersion7(now), now, booking.Id, booking.BookerId, venue.Code, venue.NameZh, venue.NameEn, booking.StartsAt, booking.EndsAt));
            reminded++;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return reminded;
    }
}
