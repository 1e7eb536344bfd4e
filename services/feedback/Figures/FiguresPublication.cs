using Microsoft.EntityFrameworkCore;
using Npgsql;
using Microsoft.Extensions.Options;
using Talent.Contracts.Feedback;
using Talent.Feedback.Data;
using Talent.Messaging.Outbox;

namespace Talent.Feedback.Figures;

/// <summary>A month whose figures were published (once: the month is the key, so replicas cannot publish it twice).</summary>
public sealed class PublishedMonth
{
    public DateOnly Month { get; set; }

    public int Reviews { get; set; }

    public int Satisfied { get; set; }

    public DateTimeOffset PublishedAt { get; set; }
}

/// <summary>Table <c>published_months</c>, keyed by month.</summary>
public sealed class PublishedMonthConfiguration : IEntityTypeConfiguration<PublishedMonth>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<PublishedMonth> e) => e.HasKey(p => p.Month);
}

/// <summary>
/// Publishes each closed month's figures once (<see cref="SatisfactionFiguresPublished"/>, which the exchange puts in its
/// feed for municipal systems): a month is closed <see cref="FeedbackOptions.PublishAfterDays"/> days into the next, so
/// late ratings still count. Checked every <see cref="FeedbackOptions.PublishInterval"/>; months with no reviews are skipped.
/// </summary>
public sealed class FiguresPublication(IServiceScopeFactory scopes, IOptions<FeedbackOptions> options, TimeProvider time, ILogger<FiguresPublication> logger)
    : PeriodicWork(time, logger)
{
    protected override TimeSpan Interval => options.Value.PublishInterval;

    // After the folder's first passes: the counters hold what was rated before the start.
    protected override TimeSpan FirstDelay => TimeSpan.FromSeconds(10);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => PublishAsync(cancellationToken);

    /// <summary>One pass: the months published.</summary>
    public async Task<int> PublishAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var now = Clock.GetUtcNow();
        var closedBefore = FigureCounters.MonthOf(now.AddDays(-options.Value.PublishAfterDays));
        var published = await db.PublishedMonths.Select(p => p.Month).ToListAsync(ct);
        var months = await db.FigureCounters.AsNoTracking()
            .Where(c => c.Scope == FigureCounters.All && c.Month < closedBefore && c.Reviews > 0 && !published.Contains(c.Month))
            .OrderBy(c => c.Month).Select(c => c.Month).Take(24).ToListAsync(ct);
        var count = 0;
        foreach (var month in months)
        {
            var rows = await db.FigureCounters.AsNoTracking().Where(c => c.Month == month && (c.Scope == FigureCounters.All || c.Scope == FigureCounters.Department)).ToListAsync(ct);
            var all = rows.Single(r => r.Scope == FigureCounters.All);
            db.PublishedMonths.Add(new PublishedMonth { Month = month, Reviews = all.Reviews, Satisfied = all.Satisfied, PublishedAt = now });
            db.RecordEvent(new SatisfactionFiguresPublished(Guid.CreateVersion7(now), now, month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                all.Reviews, all.Satisfied, all.Negative,
                [.. rows.Where(r => r.Scope == FigureCounters.Department).OrderBy(r => r.Key).Select(r => new DepartmentSatisfaction(r.Key, r.Reviews, r.Satisfied, r.Negative))]));
            try
            {
                await db.SaveChangesAsync(ct);
                count++;
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Another replica published it first.
                db.ChangeTracker.Clear();
            }
        }

        return count;
    }
}
