using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Applications.Applying;
using Talent.Applications.Calendar;
using Talent.Applications.Data;
using Talent.Contracts.Applications;
using Talent.Messaging.Outbox;

namespace Talent.Applications.Deadlines;

/// <summary>
/// Raises <c>ApplicationDueSoon</c> and <c>ApplicationOverdue</c> once per deadline. Idempotent (the case records the
/// deadline it alerted for), safe with several replicas (rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>), and it
/// survives restarts (the state is in the rows). Also reloads the calendar, so edits on other replicas arrive here.
/// Reads only cases with an alert still to raise (indexes led by whether the overdue or the due-soon alert is pending;
/// raising overdue also settles due soon), so a pass costs what is pending, not what the database holds; a case is
/// locked only while one statement marks its batch and the alerts are written.
/// </summary>
public sealed class DeadlineSweep(IServiceScopeFactory scopes, CalendarProvider calendar, IOptions<ApplicationsOptions> options, TimeProvider time, ILogger<DeadlineSweep> logger)
    : PeriodicWork(time, logger)
{
    public const int Batch = 500;

    // A field, so the clock is not captured twice (here and in the base).
    private readonly TimeProvider _time = time;

    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    /// <summary>One pass; returns the number of alerts raised.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        await calendar.LoadAsync(db, _time, ct);
        var now = _time.GetUtcNow();
        var today = Application.Today(now);
        var soon = calendar.Current.AddWorkingDays(today, options.Value.DueSoonDays);
        var raised = 0;
        while (true)
        {
            // One statement claims and marks a batch (raising overdue also settles due soon), so a case is locked only
            // for that statement, the outbox rows and the commit: consumers updating the same cases (a shared material
            // arriving, say) waited up to 3.5 s behind a pass that loaded 500 whole cases, then saved them.
            // The key is what Application.RunningDeadline names for the case (application_deadline_key mirrors it).
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var marked = await db.Database.SqlQuery<Marked>($"""
                WITH due AS (
                    SELECT id FROM applications
                    WHERE state IN ('Submitted', 'Accepted', 'InReview') AND paused_since IS NULL
                      AND ((due_on < {today} AND overdue_raised_for IS DISTINCT FROM application_deadline_key(state, due_on))
                        OR (due_on >= {today} AND due_on <= {soon} AND due_soon_raised_for IS DISTINCT FROM application_deadline_key(state, due_on)))
                    ORDER BY due_on
                    LIMIT {Batch}
                    FOR UPDATE SKIP LOCKED)
                UPDATE applications AS a
                SET overdue_raised_for = CASE WHEN a.due_on < {today} THEN application_deadline_key(a.state, a.due_on) ELSE a.overdue_raised_for END,
                    due_soon_raised_for = application_deadline_key(a.state, a.due_on)
                FROM due WHERE a.id = due.id
                RETURNING a.id, coalesce(a.reference, '') AS reference, a.item_code, a.lead_department, a.owner_id,
                    split_part(a.due_soon_raised_for, ':', 1) AS deadline, a.due_on AS due, a.due_on < {today} AS overdue
                """).ToListAsync(ct);
            foreach (var m in marked)
            {
                if (m.Overdue)
                {
                    db.RecordEvent(new ApplicationOverdue(Guid.CreateVersion7(now), now, m.Id, m.Reference, m.ItemCode, m.LeadDepartment, m.OwnerId, m.Deadline, m.Due));
                }
                else
                {
                    db.RecordEvent(new ApplicationDueSoon(Guid.CreateVersion7(now), now, m.Id, m.Reference, m.ItemCode, m.LeadDepartment, m.OwnerId, m.Deadline, m.Due));
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            raised += marked.Count;
            if (marked.Count < Batch)
            {
                return raised;
            }
        }
    }

    /// <summary>A case the sweep marked, and what its alert says (columns in snake case, as the context names them).</summary>
    private sealed record Marked(Guid Id, string Reference, string ItemCode, string LeadDepartment, string? OwnerId, string Deadline, DateOnly Due, bool Overdue);
}
