using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Talent.Applications.Data;
using Talent.Contracts.Applications;
using Talent.Messaging.Outbox;
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

/// <summary><c>GET /api/applications/calendar/{year}</c> (anyone) and <c>PUT</c> (operators, If-Match, raises WorkingCalendarChanged).</summary>
public static class CalendarApi
{
    public const string OperatorPolicy = "applications-operator";

    public sealed record CalendarInput(List<DateOnly>? Holidays, List<DateOnly>? MakeUpWorkdays, string? Source, bool? Provisional);

    public sealed record CalendarView(int Year, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> MakeUpWorkdays, string Source, bool Provisional, int Revision, string UpdatedBy, DateTimeOffset? UpdatedAt, int WorkingDays);

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder routes)
    {
        var calendar = routes.MapGroup("/api/applications/calendar").WithTags("Working-day calendar");
        calendar.MapGet("/{year:int}", GetAsync).AllowAnonymous().WithName("GetCalendarYear");
        calendar.MapPut("/{year:int}", PutAsync).RequireAuthorization(OperatorPolicy).WithName("PutCalendarYear")
            .WithSummary("Replaces a year's holidays and make-up working days; If-Match with its ETag (0 for a new year).");
        return routes;
    }

    private static async Task<IResult> GetAsync(int year, HttpContext http, ApplicationsDbContext db, CancellationToken ct)
    {
        var row = await db.CalendarYears.AsNoTracking().SingleOrDefaultAsync(r => r.Year == year, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = $"\"{row.Revision}\"";
        return TypedResults.Ok(View(row));
    }

    private static async Task<IResult> PutAsync(int year, CalendarInput input, HttpContext http, ClaimsPrincipal user, ApplicationsDbContext db, CalendarProvider provider, TimeProvider time, CancellationToken ct)
    {
        if (!int.TryParse(http.Request.Headers.IfMatch.ToString().Trim().Trim('"'), out var expected))
        {
            return TypedResults.Problem(title: "Send If-Match with the year's ETag (0 for a year not yet entered). 请在 If-Match 中提供 ETag。", statusCode: StatusCodes.Status428PreconditionRequired,
                extensions: new Dictionary<string, object?> { ["field"] = "If-Match" });
        }

        var proposed = new CalendarYear(year, input.Holidays ?? [], input.MakeUpWorkdays ?? [], string.IsNullOrWhiteSpace(input.Source) ? "" : input.Source.Trim(), input.Provisional ?? false);
        var errors = proposed.Validate();
        if (string.IsNullOrWhiteSpace(proposed.Source) || proposed.Source.Length > 500)
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
            return TypedResults.Problem(title: $"The year changed since you read it (now revision {row?.Revision ?? 0}). 日历已被修改，请刷新后重试。", statusCode: StatusCodes.Status412PreconditionFailed,
                extensions: new Dictionary<string, object?> { ["field"] = "If-Match" });
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
            return TypedResults.Problem(title: "The year changed while you saved it. 日历已被他人修改。", statusCode: StatusCodes.Status412PreconditionFailed,
                extensions: new Dictionary<string, object?> { ["field"] = "If-Match" });
        }

        await provider.LoadAsync(db, time, ct);
        http.Response.Headers.ETag = $"\"{row.Revision}\"";
        return TypedResults.Ok(View(row));
    }

    private static CalendarView View(CalendarYearRow row)
    {
        var calendar = new WorkingCalendar([row.ToYear()]);
        var first = new DateOnly(row.Year, 1, 1);
        var working = calendar.WorkingDaysBetween(first.AddDays(-1), new DateOnly(row.Year, 12, 31));
        return new CalendarView(row.Year, row.Holidays, row.MakeUpWorkdays, row.Source, row.Provisional, row.Revision, row.UpdatedBy, row.UpdatedAt, working);
    }
}
