using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Talent.Contracts.Applications;
using Talent.Messaging.Inbox;
using Talent.WorkingDays;

namespace Talent.ReadModels;

/// <summary>
/// A service's copy of a year of the working-day calendar (table <c>calendar_years</c>), which belongs to the applications
/// service: received as <c>WorkingCalendarChanged</c>, never fetched at request time; seeded with the State Council
/// arrangements until the first change arrives. Deadlines are counted in it with the shared <see cref="WorkingCalendar"/>.
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
}

public static class CalendarCopy
{
    public static ModelBuilder AddCalendarCopy(this ModelBuilder model)
    {
        model.Entity<CalendarYearCopy>(e =>
        {
            e.ToTable("calendar_years");
            e.HasKey(c => c.Year);
            e.Property(c => c.Year).ValueGeneratedNever();
            e.Property(c => c.Source).HasMaxLength(500);
        });
        return model;
    }

    /// <summary>The consumer on a queue named <c>{service}-working-calendar-changed</c>.</summary>
    public static IBusRegistrationConfigurator AddCalendarCopyConsumer<TDb>(this IBusRegistrationConfigurator bus, string serviceName)
        where TDb : DbContext
    {
        bus.AddConsumer<WorkingCalendarCopier<TDb>>().Endpoint(e => e.Name = $"{serviceName}-working-calendar-changed");
        return bus;
    }

    /// <summary>The working-day calendar from this service's copy (a few rows).</summary>
    public static async Task<WorkingCalendar> CalendarAsync(DbContext db, CancellationToken ct) =>
        new((await db.Set<CalendarYearCopy>().AsNoTracking().ToListAsync(ct)).Select(c => c.ToYear()));

    /// <summary>
    /// Fills the years not held yet with the State Council arrangements known to this release. Seeded rows carry
    /// <see cref="Seeded"/> as their time, so any change received later wins, whenever it was made; several replicas
    /// seeding at once insert each year once (<c>ON CONFLICT DO NOTHING</c>).
    /// </summary>
    public static async Task SeedAsync(DbContext db, TimeProvider time, CancellationToken ct)
    {
        _ = time; // seeded rows are dated Seeded, not now: a change made before this start must still win
        foreach (var y in ChinaHolidays.Seed)
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO calendar_years (year, holidays, make_up_workdays, source, provisional, received_at)
                VALUES ({y.Year}, {y.Holidays.ToArray()}, {y.MakeUpWorkdays.ToArray()}, {y.Source}, {y.Provisional}, {Seeded})
                ON CONFLICT (year) DO NOTHING
                """,
                ct);
        }
    }

    /// <summary>The time of a seeded year: before any change can have been made.</summary>
    public static readonly DateTimeOffset Seeded = DateTimeOffset.UnixEpoch;

    /// <summary><c>GET /api/{service}/calendar/{year}</c>: the copy, anonymous (public information).</summary>
    public static IEndpointRouteBuilder MapCalendarCopyApi<TDb>(this IEndpointRouteBuilder routes, string serviceName)
        where TDb : DbContext
    {
        routes.MapGet($"/api/{serviceName}/calendar/{{year:int}}", async Task<Results<Ok<CalendarYearCopy>, NotFound>> (int year, TDb db, CancellationToken ct) =>
                await db.Set<CalendarYearCopy>().AsNoTracking().SingleOrDefaultAsync(c => c.Year == year, ct) is { } copy ? TypedResults.Ok(copy) : TypedResults.NotFound())
            .AllowAnonymous() // public information
            .WithTags("Working-day calendar")
            .WithName($"Get{char.ToUpperInvariant(serviceName[0])}{serviceName[1..]}CalendarCopy")
            .WithSummary("This service's copy of a year of the working-day calendar (owned by the applications service).");
        return routes;
    }
}

public sealed class WorkingCalendarCopier<TDb>(TDb db, TimeProvider time, ILogger<WorkingCalendarCopier<TDb>> logger)
    : InboxConsumer<TDb, WorkingCalendarChanged>(db, time, logger)
    where TDb : DbContext
{
    protected override string ConsumerName => "WorkingCalendarChangedConsumer";

    protected override async Task HandleAsync(WorkingCalendarChanged message, CancellationToken cancellationToken)
    {
        var years = Db.Set<CalendarYearCopy>();
        var copy = await years.SingleOrDefaultAsync(c => c.Year == message.Year, cancellationToken);
        if (copy is null)
        {
            copy = new CalendarYearCopy { Year = message.Year };
            years.Add(copy);
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
