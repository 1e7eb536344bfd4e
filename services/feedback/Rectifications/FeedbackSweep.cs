using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Contracts.Feedback;
using Talent.Feedback.Data;
using Talent.Feedback.Tickets;
using Talent.Messaging.Outbox;
using Talent.WorkingDays;

namespace Talent.Feedback.Rectifications;

/// <summary>
/// Flags rectification stages past their deadline to operators (<c>RectificationOverdue</c>, once per stage deadline) and
/// closes replied tickets whose confirmation period ended. Safe with several replicas (rows claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>) and across restarts (the state is in the rows).
/// </summary>
public sealed class FeedbackSweep(IServiceScopeFactory scopes, IOptions<FeedbackOptions> options, TimeProvider time, ILogger<FeedbackSweep> logger) : BackgroundService
{
    public const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Feedback sweep failed; retrying");
            }

            try
            {
                await Task.Delay(options.Value.SweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: the number of overdue flags raised and of tickets closed.</summary>
    public async Task<(int Flagged, int Closed)> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var now = time.GetUtcNow();
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
                    ORDER BY stage_due_on LIMIT {Batch}
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
            if (due.Count < Batch)
            {
                break;
            }
        }

        var closed = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var replied = await db.Tickets
                .FromSql($"""
                    SELECT *, xmin FROM feedback_tickets WHERE state = 'Replied' AND confirm_by < {today}
                    ORDER BY confirm_by LIMIT {Batch}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(ct);
            foreach (var ticket in replied.Where(t => t.CloseUnconfirmed(now)))
            {
                db.RecordEvent(TicketsApi.Resolved(ticket, now));
                closed++;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            if (replied.Count < Batch)
            {
                return (flagged, closed);
            }
        }
    }
}
