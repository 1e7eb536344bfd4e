using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Feedback;
using Talent.Feedback.Data;
using Talent.Messaging.Outbox;
using Talent.WorkingDays;

namespace Talent.Feedback.Rectifications;

/// <summary>The sweep's pass over rectification cases: stages past their deadline are flagged to operators once each.</summary>
public static class OverdueRectifications
{
    /// <summary>
    /// Raises <c>RectificationOverdue</c> for every open stage past its deadline not flagged yet, in batches of rows claimed
    /// with <c>FOR UPDATE SKIP LOCKED</c> (so several replicas never flag one twice); returns the number flagged.
    /// </summary>
    public static async Task<int> FlagAsync(FeedbackDbContext db, DateTimeOffset now, int batch, CancellationToken ct)
    {
        var today = WorkingCalendar.Today(now);
        var flagged = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var due = await db.Rectifications
                .FromSql($"""
                    SELECT *, xmin FROM rectification_cases
                    WHERE state <> 'Closed' AND appeal <> 'Pending' AND stage_due_on < {today}
                      AND overdue_flagged_for IS DISTINCT FROM (state || ':' || to_char(stage_due_on, 'YYYY-MM-DD'))
                    ORDER BY stage_due_on LIMIT {batch}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(ct);
            foreach (var found in due.Where(c => c.FlagOverdue()))
            {
                db.RecordEvent(new RectificationOverdue(Guid.CreateVersion7(now), now, found.Id, found.Department, found.OwnerId, found.State.ToString(), found.StageDueOn));
                flagged++;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            if (due.Count < batch)
            {
                return flagged;
            }
        }
    }
}
