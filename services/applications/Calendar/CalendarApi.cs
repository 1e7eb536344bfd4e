using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Applications.Applying;
using Talent.Applications.Data;
using Talent.Contracts.Applications;
using Talent.Http;
using Talent.Messaging.Outbox;
using Talent.WorkingDays;

namespace Talent.Applications.Calendar;

/// <summary><c>GET /api/applications/calendar/{year}</c> (anyone) and <c>PUT</c> (operators, If-Match, raises WorkingCalendarChanged).</summary>
public static class CalendarApi
{
    public const string OperatorPolicy = "applications-operator";

    public sealed record CalendarInput(List<DateOnly>? Holidays, List<DateOnly>? MakeUpWorkdays, string? Source, bool? Provisional);

    public sealed record CalendarView(int Year, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> MakeUpWorkdays, string Source, bool Provisional, int Revision, string UpdatedBy, DateTimeOffset? UpdatedAt, int WorkingDays);

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder routes)
    {
        var calendar = routes.MapGroup("/api/applications/calendar").WithTags("Working-day calendar");
        calendar.MapGet("/{year:int}", GetAsync).AllowAnonymous().WithName("GetCalendarYear")
            .WithSummary("A year's holidays and make-up working days, with its revision as the ETag.");
        calendar.MapPut("/{year:int}", PutAsync).RequireAuthorization(OperatorPolicy).WithName("PutCalendarYear")
            .WithSummary("Replaces a year's holidays and make-up working days; If-Match with its ETag (0 for a new year).")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return routes;
    }

    private static async Task<Results<WithETag<Ok<CalendarView>>, NotFound>> GetAsync(int year, ApplicationsDbContext db, CancellationToken ct)
    {
        var row = await db.CalendarYears.AsNoTracking().SingleOrDefaultAsync(r => r.Year == year, ct);
        return row is null ? TypedResults.NotFound() : TypedResults.Ok(View(row)).WithETag(row.Revision);
    }

    private static async Task<Results<WithETag<Ok<CalendarView>>, ValidationProblem, ProblemHttpResult>> PutAsync(
        int year, CalendarInput input, HttpRequest http, ClaimsPrincipal user, ApplicationsDbContext db, CalendarProvider provider, TimeProvider time, CancellationToken ct)
    {
        // A year not yet entered is revision 0.
        if (!http.TryReadIfMatch(out var expected, out var precondition, "the year"))
        {
            return precondition;
        }

        var proposed = new CalendarYear(year, input.Holidays ?? [], input.MakeUpWorkdays ?? [], string.IsNullOrWhiteSpace(input.Source) ? "" : input.Source.Trim(), input.Provisional ?? false);
        var errors = proposed.Validate();
        if (string.IsNullOrWhiteSpace(proposed.Source) || CaseLimits.Check(proposed.Source, 500) is not null)
        {
            errors["source"] = ["Name the source of the arrangement (e.g. the State Council notice), at most 500 characters. 请注明依据（如国务院通知）。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = time.GetUtcNow();
        var by = user.FindFirstValue("sub") ?? "";
        var row = await db.CalendarYears.SingleOrDefaultAsync(r => r.Year == year, ct);
        if ((row?.Revision ?? 0) != expected)
        {
            return Preconditions.Stale("the year", row?.Revision ?? 0);
        }

        if (row is null)
        {
            row = CalendarYearRow.From(proposed, by, now);
            db.CalendarYears.Add(row);
        }
        else
        {
            row.Holidays = [.. proposed.Holidays.Distinct().Order()];
            row.MakeUpWorkdays = [.. proposed.MakeUpWorkdays.Distinct().Order()];
            row.Source = proposed.Source;
            row.Provisional = proposed.Provisional;
            row.Revision++;
            row.UpdatedBy = by;
            row.UpdatedAt = now;
        }

        db.RecordEvent(new WorkingCalendarChanged(Guid.CreateVersion7(now), now, year, row.Holidays, row.MakeUpWorkdays, row.Source, row.Provisional));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another operator saved the same year (or created it) between our read and our write.
            return Problems.Of(StatusCodes.Status412PreconditionFailed, "The year changed while you saved it. 日历已被他人修改。", "If-Match");
        }

        await provider.LoadAsync(db, time, ct);
        return TypedResults.Ok(View(row)).WithETag(row.Revision);
    }

    private static CalendarView View(CalendarYearRow row)
    {
        var calendar = new WorkingCalendar([row.ToYear()]);
        var first = new DateOnly(row.Year, 1, 1);
        var working = calendar.WorkingDaysBetween(first.AddDays(-1), new DateOnly(row.Year, 12, 31));
        return new CalendarView(row.Year, row.Holidays, row.MakeUpWorkdays, row.Source, row.Provisional, row.Revision, row.UpdatedBy, row.UpdatedAt, working);
    }
}
