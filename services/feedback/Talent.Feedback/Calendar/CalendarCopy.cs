using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Applications;
using Talent.Feedback.Data;
using Talent.Messaging.Inbox;
using Talent.WorkingDays;

namespace Talent.Feedback.Calendar;

/// <summary>
/// This service's copy of a year of the working-day calendar, which belongs to the applications service: received as
/// <c>WorkingCalendarChanged</c>, never fetched at request time; seeded with the State Council arrangements until the
/// first change arrives. Rectification deadlines are counted in it with the shared <see cref="WorkingCalendar"/>.
/// </summary>
public sealed class CalendarYearCopy
{
    public int Year { get; set; }

    public List<DateOnly> Holidays { get; set; } = [];

    public List<DateOnly> MakeUpWorkdays { get; set; } = [];

    public string Source { get; set; } = "";

    public bool Provisional { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public CalendarYear ToYear() => new(Year, Holidays, MakeUpWorkdays, Source, Provisional);

    /// <summary>The working-day calendar from this service's copy (a few rows).</summary>
    public static async Task<WorkingCalendar> CalendarAsync(FeedbackDbContext db, CancellationToken ct) =>
        new((await db.CalendarYears.AsNoTracking().ToListAsync(ct)).Select(c => c.ToYear()));

    public static async Task SeedAsync(FeedbackDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.CalendarYears.AnyAsync(ct))
        {
            return;
        }

        db.CalendarYears.AddRange(ChinaHolidays.Seed.Select(y => new CalendarYearCopy
        {
            Year = y.Year, Holidays = [.. y.Holidays], MakeUpWorkdays = [.. y.MakeUpWorkdays], Source = y.Source, Provisional = y.Provisional, ReceivedAt = time.GetUtcNow(),
        }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another replica seeded it first.
        }
    }
}

public sealed class WorkingCalendarChangedConsumer(FeedbackDbContext db, TimeProvider time, ILogger<WorkingCalendarChangedConsumer> logger)
    : InboxConsumer<FeedbackDbContext, WorkingCalendarChanged>(db, time, logger)
{
    protected override async Task HandleAsync(WorkingCalendarChanged message, CancellationToken cancellationToken)
    {
        var copy = await Db.CalendarYears.SingleOrDefaultAsync(c => c.Year == message.Year, cancellationToken);
        if (copy is null)
        {
            copy = new CalendarYearCopy { Year = message.Year };
            Db.CalendarYears.Add(copy);
        }
        else if (copy.ReceivedAt > message.OccurredAt)
        {
            return; // a newer change arrived first
        }

        copy.Holidays = [.. message.Holidays];
        copy.MakeUpWorkdays = [.. message.MakeUpWorkdays];
        copy.Source = message.Source;
        copy.Provisional = message.Provisional;
        copy.ReceivedAt = message.OccurredAt;
    }
}

public static class CalendarCopyApi
{
    public static IEndpointRouteBuilder MapCalendarCopyApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/feedback/calendar/{year:int}", async (int year, FeedbackDbContext db, CancellationToken ct) =>
                await db.CalendarYears.AsNoTracking().SingleOrDefaultAsync(c => c.Year == year, ct) is { } copy ? Results.Ok(copy) : Results.NotFound())
            .AllowAnonymous() // public information
            .WithTags("Working-day calendar")
            .WithName("GetCalendarCopy")
            .WithSummary("This service's copy of a year of the working-day calendar (owned by the applications service).");
        return routes;
    }
}
