using Microsoft.EntityFrameworkCore;
using Talent.Applications.Data;
using Talent.WorkingDays;

namespace Talent.Applications.Calendar;

/// <summary>The working-day calendar every deadline here is counted in; reloaded from the database by each replica.</summary>
public sealed class CalendarProvider
{
    private volatile WorkingCalendar _calendar = new(ChinaHolidays.Seed);

    public WorkingCalendar Current => _calendar;

    public void Use(IEnumerable<CalendarYear> years) => _calendar = new WorkingCalendar(years);

    /// <summary>Seeds the State Council arrangements when the table is empty, then loads it.</summary>
    public async Task LoadAsync(ApplicationsDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (!await db.CalendarYears.AnyAsync(ct))
        {
            db.CalendarYears.AddRange(ChinaHolidays.Seed.Select(y => CalendarYearRow.From(y, "system:seed", time.GetUtcNow())));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another replica seeded it first.
                db.ChangeTracker.Clear();
            }
        }

        Use((await db.CalendarYears.AsNoTracking().ToListAsync(ct)).Select(r => r.ToYear()));
    }
}
