using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Talent.Applications.Applying;
using Talent.Applications.Calendar;
using Talent.Applications.Data;
using Talent.Contracts.Applications;
using Talent.Http;
using Talent.Messaging.Outbox;
using Talent.ReadModels;

namespace Talent.Applications.Bookings;

/// <summary>
/// The one-stop complex's venues and their bookings under <c>/api/applications/complex</c>: anyone signed in sees the venues
/// and which hours of a day are taken; talents and enterprises book (at most five held at once) and cancel before the start;
/// operators confirm or decline (the booker is told, and reminded the day before a confirmed one). A slot taken meanwhile
/// is a 409: the database refuses overlapping bookings of one venue, however many ask at once.
/// </summary>
public static class BookingsApi
{
    public sealed record BookRequest(string? VenueCode, DateOnly? Day, int? StartHour, int? Hours, int? Attendees, string? Purpose);

    public sealed record DecideRequest(bool? Confirm, string? Note);

    public sealed record TakenSlot(DateTimeOffset StartsAt, DateTimeOffset EndsAt, string State);

    public sealed record VenueDay(Venue Venue, DateOnly Day, bool WorkingDay, List<TakenSlot> Taken);

    public static IEndpointRouteBuilder MapBookingsApi(this IEndpointRouteBuilder routes)
    {
        var complex = routes.MapGroup($"{ApplicationsApi.Prefix}/complex").WithTags("One-stop complex").RequireAuthorization(ApplicationsApi.UserPolicy);
        complex.MapGet("/venues", VenuesAsync).WithName("ListVenues").WithSummary("The complex's venues, with their capacity and opening hours.");
        complex.MapGet("/venues/{code}/day/{day}", DayAsync).WithName("VenueDay")
            .WithSummary("Which hours of a day a venue is taken (requested or confirmed bookings), and whether it is a working day.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        complex.MapPost("/bookings", BookAsync).RequireAuthorization(ApplicationsApi.ApplicantPolicy).WithName("BookVenue")
            .WithSummary("Asks for a venue on a working day, by the hour (1 to 4), for at most its capacity; operators confirm it.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        complex.MapGet("/bookings/mine", MineAsync).RequireAuthorization(ApplicationsApi.ApplicantPolicy).WithName("MyBookings")
            .WithSummary("The caller's bookings, latest start first (at most 100).");
        complex.MapPost("/bookings/{id:guid}/cancel", CancelAsync).RequireAuthorization(ApplicationsApi.ApplicantPolicy).WithName("CancelBooking")
            .WithSummary("The booker cancels before it starts; the hours are free again.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        complex.MapGet("/bookings", ListAsync).RequireAuthorization(CalendarApi.OperatorPolicy).WithName("ListBookings")
            .WithSummary("Operators: bookings waiting for a decision first, then by start (at most 200). ?state=requested|confirmed|declined|cancelled");
        complex.MapPost("/bookings/{id:guid}/decide", DecideAsync).RequireAuthorization(CalendarApi.OperatorPolicy).WithName("DecideBooking")
            .WithSummary("Operators confirm or decline a requested booking (a note is required to decline); the booker is told.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Ok<List<Venue>>> VenuesAsync(ApplicationsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Venues.AsNoTracking().Where(v => v.Open).OrderBy(v => v.Code).ToListAsync(ct));

    private static async Task<Results<Ok<VenueDay>, NotFound>> DayAsync(string code, DateOnly day, ApplicationsDbContext db, CalendarProvider calendar, TimeProvider time, CancellationToken ct)
    {
        var venue = code.Length > 20 ? null : await db.Venues.AsNoTracking().SingleOrDefaultAsync(v => v.Code == code && v.Open, ct);
        if (venue is null)
        {
            return TypedResults.NotFound();
        }

        await calendar.LoadAsync(db, time, ct);
        var (from, to) = DayBounds(day);
        var taken = await db.Bookings.AsNoTracking()
            .Where(b => b.VenueCode == code && b.StartsAt < to && b.EndsAt > from && (b.State == BookingState.Requested || b.State == BookingState.Confirmed))
            .OrderBy(b => b.StartsAt).Select(b => new TakenSlot(b.StartsAt, b.EndsAt, b.State.ToString().ToLowerInvariant())).ToListAsync(ct);
        return TypedResults.Ok(new VenueDay(venue, day, calendar.Current.IsWorkingDay(day), taken));
    }

    private static async Task<Results<Created<Booking>, ValidationProblem, ProblemHttpResult>> BookAsync(BookRequest request, [AsParameters] CaseContext c)
    {
        var calendar = c.Calendar;
        var (db, ct) = (c.Db, c.Cancellation);
        var now = c.Time.GetUtcNow();
        var venue = string.IsNullOrWhiteSpace(request.VenueCode) || request.VenueCode.Length > 20 || CaseLimits.HasNul(request.VenueCode) ? null
            : await db.Venues.AsNoTracking().SingleOrDefaultAsync(v => v.Code == request.VenueCode, ct);
        await calendar.LoadAsync(db, c.Time, ct);
        var errors = Booking.Check(venue, request.Day, request.StartHour, request.Hours, request.Attendees, request.Purpose, calendar.Current, now);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var actor = c.Actor;
        if (await db.Bookings.CountAsync(b => b.BookerId == actor.Subject && b.EndsAt > now && (b.State == BookingState.Requested || b.State == BookingState.Confirmed), ct)
            >= Booking.MaxActivePerPerson)
        {
            return Problems.Of(StatusCodes.Status409Conflict, $"At most {Booking.MaxActivePerPerson} bookings held at once; cancel one first. 最多同时持有 {Booking.MaxActivePerPerson} 个预约。");
        }

        var booking = Booking.Request(venue!, actor.Subject, actor.Name, request.Day!.Value, request.StartHour!.Value, request.Hours!.Value, request.Attendees!.Value, request.Purpose!, now);
        db.Bookings.Add(booking);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation })
        {
            return Problems.Of(StatusCodes.Status409Conflict, "Those hours of the venue are taken; choose others. 该时段已被预约，请另选时间。", "startHour");
        }

        return TypedResults.Created($"{ApplicationsApi.Prefix}/complex/bookings/{booking.Id}", booking);
    }

    private static async Task<Ok<List<Booking>>> MineAsync([AsParameters] CaseContext c)
    {
        var me = c.Actor.Subject;
        return TypedResults.Ok(await c.Db.Bookings.AsNoTracking().Where(b => b.BookerId == me).OrderByDescending(b => b.StartsAt).Take(100).ToListAsync(c.Cancellation));
    }

    private static async Task<Results<Ok<Booking>, NotFound, ValidationProblem, ProblemHttpResult>> CancelAsync(Guid id, [AsParameters] CaseContext c)
    {
        var booking = await c.Db.Bookings.SingleOrDefaultAsync(b => b.Id == id, c.Cancellation);
        if (booking is null || booking.BookerId != c.Actor.Subject)
        {
            return TypedResults.NotFound();
        }

        if (booking.Cancel(c.Actor.Subject, c.Time.GetUtcNow()) is { } refusal)
        {
            return refusal.ToProblem();
        }

        return await SavedAsync(c.Db, booking, c.Cancellation);
    }

    private static async Task<Results<Ok<List<Booking>>, ValidationProblem>> ListAsync(string? state, ApplicationsDbContext db, CancellationToken ct)
    {
        var query = db.Bookings.AsNoTracking();
        if (state is not null)
        {
            if (!Enum.TryParse<BookingState>(state, true, out var wanted) || !Enum.IsDefined(wanted))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = ["requested, confirmed, declined or cancelled. 状态有误。"] });
            }

            query = query.Where(b => b.State == wanted);
        }

        return TypedResults.Ok(await query.OrderBy(b => b.State != BookingState.Requested).ThenBy(b => b.StartsAt).Take(200).ToListAsync(ct));
    }

    private static async Task<Results<Ok<Booking>, NotFound, ValidationProblem, ProblemHttpResult>> DecideAsync(Guid id, DecideRequest request, [AsParameters] CaseContext c)
    {
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (request.Confirm is not { } confirm)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["confirm"] = ["true to confirm, false to decline. 请选择确认或不予安排。"] });
        }

        if ((!confirm && note is null) || CaseLimits.Check(note, Booking.NoteMaxLength) is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["note"] = [$"Why, at most {Booking.NoteMaxLength} characters (required to decline). 不予安排须说明理由（不超过 {Booking.NoteMaxLength} 字）。"] });
        }

        var (db, ct) = (c.Db, c.Cancellation);
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == id, ct);
        if (booking is null)
        {
            return TypedResults.NotFound();
        }

        var now = c.Time.GetUtcNow();
        if (booking.Decide(c.Actor.Name, confirm, note, now) is { } refusal)
        {
            return refusal.ToProblem();
        }

        var venue = await db.Venues.AsNoTracking().SingleAsync(v => v.Code == booking.VenueCode, ct);
        db.RecordEvent(new BookingDecided(Guid.CreateVersion7(now), now, booking.Id, booking.BookerId, venue.Code, venue.NameZh, venue.NameEn, booking.StartsAt, booking.EndsAt, confirm, note));
        return await SavedAsync(db, booking, ct);
    }

    private static async Task<Results<Ok<Booking>, NotFound, ValidationProblem, ProblemHttpResult>> SavedAsync(ApplicationsDbContext db, Booking booking, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Of(StatusCodes.Status409Conflict, "The booking changed meanwhile; reload it. 预约已被更新，请刷新后重试。");
        }

        return TypedResults.Ok(booking);
    }

    /// <summary>The zone's day as an instant range.</summary>
    private static (DateTimeOffset From, DateTimeOffset To) DayBounds(DateOnly day)
    {
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
        return (from, from.AddDays(1));
    }
}
