using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Matching;
using Talent.Matching.Data;
using Talent.Messaging.Outbox;
using Talent.WorkingDays;

namespace Talent.Matching.Engagements;

/// <summary>
/// Flags engagements whose first contact is past its deadline to the commissioners (<c>FirstContactOverdue</c>, once
/// each); safe with several replicas (<c>FOR UPDATE SKIP LOCKED</c>). Every <c>Matching:SweepInterval</c> (1 min).
/// </summary>
public sealed class FirstContactSweep(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<FirstContactSweep> logger)
    : PeriodicWork(time, logger)
{
    // A field, so the clock is not captured twice (here and in the base).
    private readonly TimeProvider _time = time;

    protected override TimeSpan Interval => configuration.GetValue("Matching:SweepInterval", TimeSpan.FromMinutes(1));

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
        var now = _time.GetUtcNow();
        var today = WorkingCalendar.Today(now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Engagements
            .FromSql($"""
                SELECT *, xmin FROM engagements
                WHERE state = 'Active' AND NOT first_contact_overdue_flagged AND first_contact_due_on < {today} AND milestones = '[]'::jsonb
                ORDER BY first_contact_due_on LIMIT 1000
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        var flagged = 0;
        foreach (var engagement in due.Where(e => e.IsFirstContactOverdue(today) && e.FlagFirstContactOverdue()))
        {
            db.RecordEvent(new FirstContactOverdue(Guid.CreateVersion7(now), now, engagement.Id, engagement.DemandId, engagement.ProviderId, engagement.Team, engagement.Tier, engagement.FirstContactDueOn));
            flagged++;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return flagged;
    }
}
