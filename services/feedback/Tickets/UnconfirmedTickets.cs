using Microsoft.EntityFrameworkCore;
using Talent.Feedback.Data;
using Talent.Messaging.Outbox;
using Talent.WorkingDays;

namespace Talent.Feedback.Tickets;

/// <summary>The sweep's pass over tickets: replies the person neither confirmed nor reopened in time close as confirmed.</summary>
public static class UnconfirmedTickets
{
    /// <summary>
    /// Closes replied tickets whose confirmation period ended (raising <c>FeedbackTicketResolved</c>), in batches of rows
    /// claimed with <c>FOR UPDATE SKIP LOCKED</c>; returns the number closed.
    /// </summary>
    public static async Task<int> CloseAsync(FeedbackDbContext db, DateTimeOffset now, int batch, CancellationToken ct)
    {
        var today = WorkingCalendar.Today(now);
        var closed = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var replied = await db.Tickets
                .FromSql($"""
                    SELECT *, xmin FROM feedback_tickets WHERE state = 'Replied' AND confirm_by < {today}
                    ORDER BY confirm_by LIMIT {batch}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(ct);
            foreach (var ticket in replied.Where(t => t.CloseUnconfirmed(now)))
            {
                db.RecordEvent(TicketEvents.Resolved(ticket, now));
                closed++;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            if (replied.Count < batch)
            {
                return closed;
            }
        }
    }
}
