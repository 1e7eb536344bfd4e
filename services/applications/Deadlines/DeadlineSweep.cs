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
/// raising overdue also settles due soon), so a pass costs what is pending, not what the database holds.
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
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var due = await db.Applications
                .FromSql($"""
                    SELECT * FROM applications
                    WHERE state IN ('Submitted', 'Accepted', 'InReview') AND paused_since IS NULL
                      AND ((due_on < {today} AND overdue_raised_for IS DISTINCT FROM application_deadline_key(state, due_on))
                        OR (due_on >= {today} AND due_on <= {soon} AND due_soon_raised_for IS DISTINCT FROM application_deadline_key(state, due_on)))
                    ORDER BY due_on
                    LIMIT {Batch}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(ct);
            var changed = 0;
            foreach (var application in due)
            {
                if (application.RunningDeadline is not { } deadline)
                {
                    continue;
                }

                var key = $"{deadline.Name}:{deadline.Due:yyyy-MM-dd}";
                if (deadline.Due < today && application.MarkOverdue(key))
                {
                    application.MarkDueSoon(key);
                    db.RecordEvent(new ApplicationOverdue(Guid.CreateVersion7(now), now, application.Id, application.Reference ?? "", application.ItemCode, application.LeadDepartment, application.OwnerId, deadline.Name, deadline.Due));
                    changed++;
                }
                else if (deadline.Due >= today && application.MarkDueSoon(key))
                {
                    db.RecordEvent(new ApplicationDueSoon(Guid.CreateVersion7(now), now, application.Id, application.Reference ?? "", application.ItemCode, application.LeadDepartment, application.OwnerId, deadline.Name, deadline.Due));
                    changed++;
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            raised += changed;
            if (due.Count < Batch)
            {
                return raised;
            }
        }
    }
}
