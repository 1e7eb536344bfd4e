using Microsoft.EntityFrameworkCore;
using Talent.Data;
using Talent.Testing;
using Talent.WorkingDays;
using Xunit;

namespace Talent.ReadModels.Tests;

/// <summary>Seeding a service's copy of the working-day calendar, on a real PostgreSQL database.</summary>
public sealed class CalendarSeedTests
{
    private sealed class CalendarDb(DbContextOptions<CalendarDb> options) : ServiceDbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddCalendarCopy();
    }

    private static CalendarDb Open(string connectionString) =>
        new((DbContextOptions<CalendarDb>)new DbContextOptionsBuilder<CalendarDb>().UseServiceDatabase(connectionString).Options);

    [Fact]
    public async Task Replicas_seeding_at_once_insert_each_year_once_dated_before_any_change_could_have_been_made()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync("calendar");
        await using (var db = Open(database.ConnectionString))
        {
            await db.Database.EnsureCreatedAsync(ct);
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = Open(database.ConnectionString);
            await CalendarCopy.SeedAsync(db, TimeProvider.System, ct);
        }));

        await using var check = Open(database.ConnectionString);
        var years = await check.Set<CalendarYearCopy>().AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct);
        Assert.Equal(ChinaHolidays.Seed.Select(y => y.Year).Order(), years.Select(y => y.Year));
        // A WorkingCalendarChanged made at any time since 1970 is newer than a seeded year, so it is applied.
        Assert.All(years, y => Assert.Equal(CalendarCopy.Seeded, y.ReceivedAt));
        var y2026 = years.Single(y => y.Year == 2026);
        Assert.Equal(ChinaHolidays.Seed.Single(s => s.Year == 2026).Holidays, y2026.Holidays);
    }
}
